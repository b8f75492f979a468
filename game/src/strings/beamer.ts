/** Dutch texts of the beamer screens. */
export const beamer = {} as const;
