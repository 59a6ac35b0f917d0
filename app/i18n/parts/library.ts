// Strings of: The key-project library (重点项目素材库): editing, Excel import/export, lookup.
export const libraryZh = {} as const;

export const libraryEn: Record<keyof typeof libraryZh, string> = {};
