// The toolbar's buttons, grouped as shown: what each does, when it is enabled and pressed, its shortcut.
import type { Editor } from "@tiptap/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import { Icon } from "./icons";
import { TABLE_SIZE, type ToolbarState } from "./toolbar-state";

export type ItemId =
  | "paragraph"
  | "h2"
  | "h3"
  | "bold"
  | "italic"
  | "underline"
  | "bulletList"
  | "orderedList"
  | "insertTable"
  | "addRow"
  | "addColumn"
  | "deleteRow"
  | "deleteColumn"
  | "deleteTable"
  | "link"
  | "undo"
  | "redo";

export interface Item {
  id: ItemId;
  testId: string;
  label: MessageKey;
  /** Shown in the tooltip; `aria` is the same in aria-keyshortcuts syntax. */
  keys?: { shown: string; aria: string };
  content: ReactNode | MessageKey;
  pressed?: (s: ToolbarState) => boolean;
  enabled: (s: ToolbarState) => boolean;
  run?: (editor: Editor) => void;
}

const always = () => true;

export const GROUPS: { label: MessageKey; items: Item[] }[] = [
  {
    label: "editor.group.block",
    items: [
      {
        id: "paragraph",
        testId: "editor-paragraph",
        label: "editor.paragraph",
        keys: { shown: "Ctrl+Alt+0", aria: "Control+Alt+0" },
        content: "editor.paragraph.short",
        pressed: (s) => s.paragraph,
        enabled: always,
        run: (e) => e.chain().focus().setParagraph().run(),
      },
      {
        id: "h2",
        testId: "editor-h2",
        label: "editor.h2",
        keys: { shown: "Ctrl+Alt+2", aria: "Control+Alt+2" },
        content: "H2",
        pressed: (s) => s.h2,
        enabled: always,
        run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
      },
      {
        id: "h3",
        testId: "editor-h3",
        label: "editor.h3",
        keys: { shown: "Ctrl+Alt+3", aria: "Control+Alt+3" },
        content: "H3",
        pressed: (s) => s.h3,
        enabled: always,
        run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
      },
    ],
  },
  {
    label: "editor.group.inline",
    items: [
      {
        id: "bold",
        testId: "editor-bold",
        label: "editor.bold",
        keys: { shown: "Ctrl+B", aria: "Control+B" },
        content: <b className="rte__glyph">B</b>,
        pressed: (s) => s.bold,
        enabled: (s) => s.canBold,
        run: (e) => e.chain().focus().toggleBold().run(),
      },
      {
        id: "italic",
        testId: "editor-italic",
        label: "editor.italic",
        keys: { shown: "Ctrl+I", aria: "Control+I" },
        content: <i className="rte__glyph rte__glyph--italic">I</i>,
        pressed: (s) => s.italic,
        enabled: (s) => s.canItalic,
        run: (e) => e.chain().focus().toggleItalic().run(),
      },
      {
        id: "underline",
        testId: "editor-underline",
        label: "editor.underline",
        keys: { shown: "Ctrl+U", aria: "Control+U" },
        content: <u className="rte__glyph">U</u>,
        pressed: (s) => s.underline,
        enabled: (s) => s.canUnderline,
        run: (e) => e.chain().focus().toggleUnderline().run(),
      },
    ],
  },
  {
    label: "editor.group.list",
    items: [
      {
        id: "bulletList",
        testId: "editor-bullet-list",
        label: "editor.bulletList",
        keys: { shown: "Ctrl+Shift+8", aria: "Control+Shift+8" },
        content: <Icon name="bulletList" />,
        pressed: (s) => s.bulletList,
        enabled: (s) => s.canBulletList,
        run: (e) => e.chain().focus().toggleBulletList().run(),
      },
      {
        id: "orderedList",
        testId: "editor-ordered-list",
        label: "editor.orderedList",
        keys: { shown: "Ctrl+Shift+7", aria: "Control+Shift+7" },
        content: <Icon name="orderedList" />,
        pressed: (s) => s.orderedList,
        enabled: (s) => s.canOrderedList,
        run: (e) => e.chain().focus().toggleOrderedList().run(),
      },
    ],
  },
  {
    label: "editor.group.table",
    items: [
      {
        id: "insertTable",
        testId: "editor-table",
        label: "editor.insertTable",
        content: "editor.insertTable.short",
        enabled: (s) => s.canInsertTable,
        run: (e) => e.chain().focus().insertTable(TABLE_SIZE).run(),
      },
      {
        id: "addRow",
        testId: "editor-add-row",
        label: "editor.addRow",
        content: "editor.addRow.short",
        enabled: (s) => s.canAddRow,
        run: (e) => e.chain().focus().addRowAfter().run(),
      },
      {
        id: "addColumn",
        testId: "editor-add-column",
        label: "editor.addColumn",
        content: "editor.addColumn.short",
        enabled: (s) => s.canAddColumn,
        run: (e) => e.chain().focus().addColumnAfter().run(),
      },
      {
        id: "deleteRow",
        testId: "editor-delete-row",
        label: "editor.deleteRow",
        content: "editor.deleteRow.short",
        enabled: (s) => s.canDeleteRow,
        run: (e) => e.chain().focus().deleteRow().run(),
      },
      {
        id: "deleteColumn",
        testId: "editor-delete-column",
        label: "editor.deleteColumn",
        content: "editor.deleteColumn.short",
        enabled: (s) => s.canDeleteColumn,
        run: (e) => e.chain().focus().deleteColumn().run(),
      },
      {
        id: "deleteTable",
        testId: "editor-delete-table",
        label: "editor.deleteTable",
        content: "editor.deleteTable.short",
        enabled: (s) => s.canDeleteTable,
        run: (e) => e.chain().focus().deleteTable().run(),
      },
    ],
  },
  {
    label: "editor.link",
    items: [
      {
        id: "link",
        testId: "editor-link",
        label: "editor.link",
        keys: { shown: "Ctrl+K", aria: "Control+K" },
        content: <Icon name="link" />,
        enabled: always,
      },
    ],
  },
  {
    label: "editor.group.history",
    items: [
      {
        id: "undo",
        testId: "editor-undo",
        label: "editor.undo",
        keys: { shown: "Ctrl+Z", aria: "Control+Z" },
        content: <Icon name="undo" />,
        enabled: (s) => s.canUndo,
        run: (e) => e.chain().focus().undo().run(),
      },
      {
        id: "redo",
        testId: "editor-redo",
        label: "editor.redo",
        keys: { shown: "Ctrl+Y", aria: "Control+Y" },
        content: <Icon name="redo" />,
        enabled: (s) => s.canRedo,
        run: (e) => e.chain().focus().redo().run(),
      },
    ],
  },
];

export const ALL_ITEMS = GROUPS.flatMap((g) => g.items);
