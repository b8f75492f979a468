/** Dutch texts of the participant screens. */
export const participant = {} as const;
