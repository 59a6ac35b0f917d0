// Strings of the rich-text editor (app/components/editor/). Same keys in both languages.
export const editorZh = {
  "editor.placeholder": "在此输入正文…",
} as const;

export const editorEn: Record<keyof typeof editorZh, string> = {
  "editor.placeholder": "Type the text here…",
};
