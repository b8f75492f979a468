/** A participant reflects on this many points of the day-1 kader at least and at most (all of them when it has five or fewer). */
export const CHOOSE = { min: 3, max: 5 } as const;

/** Whether a kader of `points` points makes each participant choose the points to reflect on. */
export const choosing = (points: number): boolean => points > CHOOSE.max;
