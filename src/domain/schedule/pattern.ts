/**
 * A set's regular slot as a person says it: "every 4 weeks on Wednesday", "monthly on the second
 * Tuesday". Kept apart from the recurrence engine so forms can offer the frequencies without loading it.
 */
export const patternFrequencies = ['weekly', 'monthly-weekday', 'monthly-date'] as const;
export type Frequency = (typeof patternFrequencies)[number];

export type Pattern = { frequency: Frequency; interval: number };
