/** Dutch texts of the console screens. */
export const console = {} as const;
