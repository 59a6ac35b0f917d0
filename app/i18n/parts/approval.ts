// Strings of: Approval (报批), approval and filing records, the approval dossier, review confirmations.
export const approvalZh = {} as const;

export const approvalEn: Record<keyof typeof approvalZh, string> = {};
