import type { Editor } from "@tiptap/react";

/** The size of a newly inserted table. */
export const TABLE_SIZE = { rows: 3, cols: 3, withHeaderRow: true } as const;

export type ToolbarState = {
  paragraph: boolean;
  h2: boolean;
  h3: boolean;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  bulletList: boolean;
  orderedList: boolean;
  link: boolean;
  canBold: boolean;
  canItalic: boolean;
  canUnderline: boolean;
  canBulletList: boolean;
  canOrderedList: boolean;
  canInsertTable: boolean;
  canAddRow: boolean;
  canAddColumn: boolean;
  canDeleteRow: boolean;
  canDeleteColumn: boolean;
  canDeleteTable: boolean;
  canUndo: boolean;
  canRedo: boolean;
  isEmpty: boolean;
};

export function selectToolbarState(editor: Editor | null): ToolbarState | null {
  if (!editor || editor.isDestroyed) return null;
  const inTable = editor.isActive("table");
  const can = () => editor.can();
  return {
    paragraph: editor.isActive("paragraph") && !editor.isActive("heading"),
    h2: editor.isActive("heading", { level: 2 }),
    h3: editor.isActive("heading", { level: 3 }),
    bold: editor.isActive("bold"),
    italic: editor.isActive("italic"),
    underline: editor.isActive("underline"),
    bulletList: editor.isActive("bulletList"),
    orderedList: editor.isActive("orderedList"),
    link: editor.isActive("link"),
    canBold: can().toggleBold(),
    canItalic: can().toggleItalic(),
    canUnderline: can().toggleUnderline(),
    canBulletList: can().toggleBulletList(),
    canOrderedList: can().toggleOrderedList(),
    // No tables inside tables: the plan documents never need them and they export badly.
    canInsertTable: !inTable && can().insertTable(TABLE_SIZE),
    canAddRow: inTable && can().addRowAfter(),
    canAddColumn: inTable && can().addColumnAfter(),
    canDeleteRow: inTable && can().deleteRow(),
    canDeleteColumn: inTable && can().deleteColumn(),
    canDeleteTable: inTable && can().deleteTable(),
    canUndo: can().undo(),
    canRedo: can().redo(),
    isEmpty: editor.isEmpty,
  };
}
