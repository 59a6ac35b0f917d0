// Strings of: Indicator tables (指标表): editing, the roll-up check, cell comments.
export const indicatorsZh = {} as const;

export const indicatorsEn: Record<keyof typeof indicatorsZh, string> = {};
