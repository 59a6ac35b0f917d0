// Strings of: The roll-up page of the seven plans and deadline notices.
export const rollupZh = {} as const;

export const rollupEn: Record<keyof typeof rollupZh, string> = {};
