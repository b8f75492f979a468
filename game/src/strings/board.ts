/** Dutch texts of the board screens. */
export const board = {} as const;
