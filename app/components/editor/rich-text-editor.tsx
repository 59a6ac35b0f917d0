/**
 * The section editor: Tiptap over the ONE editor schema (editorExtensions), so what can be typed here is
 * exactly what the server accepts. Posts its document as JSON in a hidden input named `name`, so a plain
 * Remix <Form> around it submits the content.
 *
 * Before hydration (and without JavaScript) it shows the initial content read-only and the hidden input
 * already holds JSON.stringify(initialContent), so a submitted form is never empty.
 *
 * The editor is created once per mount: to load another document, give the component a new `key`.
 */
import { EditorContent, type Editor, type JSONContent, useEditor, useEditorState } from "@tiptap/react";
import type { EditorView } from "@tiptap/pm/view";
import {
  Fragment,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { editorExtensions, isAllowedHref } from "~/lib/editor/extensions";
import { deriveText } from "~/lib/editor/text";
import { countWords, formatCount, plainTextOfJson, type WordCount, wordCountTotal } from "~/lib/editor/word-count";

export interface RichTextEditorProps {
  /** Name of the hidden input that carries JSON.stringify(doc). */
  name: string;
  /** Tiptap JSON of the document to edit (read once, when the editor is created). */
  initialContent: JSONContent;
  /** Called with the new document after every change. */
  onChange?: (doc: JSONContent) => void;
  /** Accessible name of the editable area (default: "正文编辑区"). */
  ariaLabel?: string;
}

const TABLE_SIZE = { rows: 3, cols: 3, withHeaderRow: true } as const;

type ToolbarState = {
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

function selectToolbarState(editor: Editor | null): ToolbarState | null {
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

function countDoc(editor: Editor): WordCount {
  return countWords(deriveText(editor.state.doc));
}

export function RichTextEditor({ name, initialContent, onChange, ariaLabel }: RichTextEditorProps) {
  const t = useT();
  const label = ariaLabel ?? t("editor.label");
  // Read once: the editor owns the document after creation.
  const [initial] = useState(() => ({
    content: initialContent,
    json: JSON.stringify(initialContent),
    count: countWords(plainTextOfJson(initialContent)),
  }));
  const [json, setJson] = useState(initial.json);
  const [count, setCount] = useState<WordCount>(initial.count);

  // Content the schema refuses (should never come from the server): show it read-only and never post
  // the stripped version Tiptap would fall back to, so nothing is lost by pressing save.
  const [contentError, setContentError] = useState(false);
  const contentErrorRef = useRef(false);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const openLinkRef = useRef<() => void>(() => {});

  // Stable object so useEditor does not call setOptions on every render; rebuilt only when the label changes.
  const editorProps = useMemo(
    () => ({
      attributes: {
        class: "prose rte__content",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label,
        "data-testid": "editor-content",
      },
      handleKeyDown: (_view: EditorView, event: KeyboardEvent) => {
        if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
          event.preventDefault();
          openLinkRef.current();
          return true;
        }
        return false;
      },
    }),
    [label],
  );

  const editor = useEditor({
    immediatelyRender: false,
    extensions: editorExtensions,
    content: initial.content,
    editorProps,
    enableContentCheck: true,
    onContentError: () => {
      contentErrorRef.current = true;
      setContentError(true);
    },
    onUpdate: ({ editor: ed }) => {
      if (contentErrorRef.current) return;
      const doc = ed.getJSON();
      setJson(JSON.stringify(doc));
      setCount(countDoc(ed));
      onChangeRef.current?.(doc);
    },
  });

  // The selector reads the editor from this closure, not from the snapshot: useEditorState's snapshot
  // keeps `editor: null` after the instance appears until the first transaction, which would leave
  // every button disabled after hydration. A new selector per editor makes it re-select at once.
  const selector = useCallback(() => (contentError ? null : selectToolbarState(editor)), [editor, contentError]);
  const state = useEditorState({ editor, selector });

  useEffect(() => {
    // emitUpdate=false: no update event, so the hidden input keeps the original JSON
    if (contentError && editor?.isEditable) editor.setEditable(false, false);
  }, [contentError, editor]);
  const ready = editor !== null && state !== null;

  // ----- link popover -----
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkValue, setLinkValue] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);
  const linkInputRef = useRef<HTMLInputElement>(null);
  const linkPanelRef = useRef<HTMLDivElement>(null);
  const linkButtonRef = useRef<HTMLButtonElement>(null);
  const ids = useId();
  const linkPanelId = `${ids}-link`;
  const linkHintId = `${ids}-link-hint`;
  const linkErrorId = `${ids}-link-error`;

  const openLink = useCallback(() => {
    if (!editor) return;
    const href: unknown = editor.getAttributes("link").href;
    setLinkValue(typeof href === "string" ? href : "");
    setLinkError(null);
    setLinkOpen(true);
  }, [editor]);
  openLinkRef.current = openLink;

  const closeLink = useCallback(
    (refocusEditor: boolean) => {
      setLinkOpen(false);
      setLinkError(null);
      if (refocusEditor) editor?.commands.focus();
    },
    [editor],
  );

  const applyLink = useCallback(() => {
    if (!editor) return;
    let href = linkValue.trim();
    if (href === "") {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      closeLink(false);
      return;
    }
    if (/^www\./i.test(href)) href = `https://${href}`;
    if (!isAllowedHref(href)) {
      setLinkError(t("editor.link.invalid"));
      linkInputRef.current?.focus();
      return;
    }
    if (editor.state.selection.empty && !editor.isActive("link")) {
      // Nothing selected: insert the address itself as the link text.
      editor
        .chain()
        .focus()
        .insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] })
        .run();
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    }
    closeLink(false);
  }, [editor, linkValue, closeLink, t]);

  const removeLink = useCallback(() => {
    editor?.chain().focus().extendMarkRange("link").unsetLink().run();
    closeLink(false);
  }, [editor, closeLink]);

  useEffect(() => {
    if (!linkOpen) return;
    linkInputRef.current?.focus();
    linkInputRef.current?.select();
    const onPointerDown = (event: MouseEvent) => {
      const target = event.target as Node | null;
      if (target && (linkPanelRef.current?.contains(target) || linkButtonRef.current?.contains(target))) return;
      setLinkOpen(false);
      setLinkError(null);
    };
    document.addEventListener("mousedown", onPointerDown);
    return () => document.removeEventListener("mousedown", onPointerDown);
  }, [linkOpen]);

  const onLinkKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      // Never submit the surrounding form from here.
      event.preventDefault();
      applyLink();
    } else if (event.key === "Escape") {
      event.preventDefault();
      closeLink(true);
    }
  };

  const total = wordCountTotal(count);

  return (
    <div className="rte" data-testid="rich-text-editor" data-ready={ready ? "true" : "false"}>
      <div className="rte__bar">
        <Toolbar editor={editor} state={state} linkOpen={linkOpen} linkPanelId={linkPanelId} linkButtonRef={linkButtonRef} onLink={() => (linkOpen ? closeLink(true) : openLink())} />
        {linkOpen && ready ? (
          <div className="rte__linkbar" id={linkPanelId} ref={linkPanelRef} role="group" aria-label={t("editor.link.title")} data-testid="editor-link-popover">
            <label className="rte__linkbar-label" htmlFor={`${linkPanelId}-input`}>
              {t("editor.link.url")}
            </label>
            <div className="rte__linkbar-row">
              {/* type="text" (not "url") and no name: it must neither block nor join the outer form's submission. */}
              <input
                ref={linkInputRef}
                id={`${linkPanelId}-input`}
                className="input rte__linkbar-input"
                type="text"
                inputMode="url"
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                placeholder="https://"
                value={linkValue}
                onChange={(e) => {
                  setLinkValue(e.target.value);
                  if (linkError) setLinkError(null);
                }}
                onKeyDown={onLinkKeyDown}
                aria-invalid={linkError ? true : undefined}
                aria-describedby={linkError ? `${linkErrorId} ${linkHintId}` : linkHintId}
                data-testid="editor-link-input"
              />
              <button type="button" className="button button--small" onClick={applyLink} data-testid="editor-link-apply">
                {t("editor.link.apply")}
              </button>
              {state?.link ? (
                <button type="button" className="button button--small button--danger" onClick={removeLink} data-testid="editor-link-remove">
                  {t("editor.link.remove")}
                </button>
              ) : null}
              <button type="button" className="button button--small button--ghost" onClick={() => closeLink(true)} data-testid="editor-link-cancel">
                {t("editor.link.cancel")}
              </button>
            </div>
            {linkError ? (
              <p className="field-error rte__linkbar-error" id={linkErrorId} role="alert" data-testid="editor-link-error">
                {linkError}
              </p>
            ) : null}
            <p className="field-hint rte__linkbar-hint" id={linkHintId}>
              {t("editor.link.hint")}
            </p>
          </div>
        ) : null}
      </div>

      {contentError ? (
        <p className="alert alert--error rte__error" role="alert" data-testid="editor-content-error">
          {t("editor.contentError")}
        </p>
      ) : null}
      <div className="rte__surface">
        {ready && state.isEmpty ? (
          <div className="prose rte__content rte__placeholder" aria-hidden="true">
            <p>{t("editor.placeholder")}</p>
          </div>
        ) : null}
        {editor ? null : (
          <div className="prose rte__content rte__preview" aria-busy="true" data-testid="editor-preview">
            {renderPreview(initial.content, 0)}
          </div>
        )}
        <EditorContent editor={editor} className="rte__mount" />
      </div>

      <div className="rte__status">
        {editor ? null : (
          <span className="rte__loading" role="status">
            {t("editor.loading")}
          </span>
        )}
        <span className="rte__count" data-testid="editor-word-count" title={t("editor.wordCount.detail", { characters: formatCount(count.characters), words: formatCount(count.words) })}>
          {t("editor.wordCount", { count: formatCount(total) })}
        </span>
      </div>
      <noscript>
        <p className="alert alert--info rte__noscript">{t("editor.noscript")}</p>
      </noscript>
      <input type="hidden" name={name} value={json} data-testid="editor-json" />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------
// Toolbar

type ItemId =
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

interface Item {
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

const GROUPS: { label: MessageKey; items: Item[] }[] = [
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

const ALL_ITEMS = GROUPS.flatMap((g) => g.items);

function Toolbar({
  editor,
  state,
  linkOpen,
  linkPanelId,
  linkButtonRef,
  onLink,
}: {
  editor: Editor | null;
  state: ToolbarState | null;
  linkOpen: boolean;
  linkPanelId: string;
  linkButtonRef: RefObject<HTMLButtonElement>;
  onLink: () => void;
}) {
  const t = useT();
  const toolbarRef = useRef<HTMLDivElement>(null);
  // Roving tabindex: one Tab stop for the whole toolbar, arrow keys move between buttons.
  const [focusId, setFocusId] = useState<ItemId>("paragraph");
  const isEnabled = (item: Item) => state !== null && item.enabled(state);
  const tabStop: ItemId = ALL_ITEMS.find((i) => i.id === focusId && isEnabled(i))?.id ?? ALL_ITEMS.find(isEnabled)?.id ?? "paragraph";

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const keys = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"];
    if (!keys.includes(event.key)) return;
    const buttons = Array.from(toolbarRef.current?.querySelectorAll<HTMLButtonElement>("button[data-item]:not(:disabled)") ?? []);
    if (buttons.length === 0) return;
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next = current;
    if (event.key === "Home") next = 0;
    else if (event.key === "End") next = buttons.length - 1;
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = current <= 0 ? buttons.length - 1 : current - 1;
    else next = current < 0 || current === buttons.length - 1 ? 0 : current + 1;
    event.preventDefault();
    buttons[next].focus();
  };

  // Keep the editor's selection (and focus) when a toolbar button is pressed with the mouse.
  const keepEditorFocus = (event: ReactMouseEvent) => event.preventDefault();

  return (
    <div className="rte__toolbar" role="toolbar" aria-label={t("editor.toolbar")} aria-orientation="horizontal" ref={toolbarRef} onKeyDown={onKeyDown}>
      {GROUPS.map((group) => (
        <div className="rte__group" role="group" aria-label={t(group.label)} key={group.label}>
          {group.items.map((item) => {
            const label = t(item.label);
            const enabled = isEnabled(item);
            const pressed = state && item.pressed ? item.pressed(state) : item.pressed ? false : undefined;
            const isLink = item.id === "link";
            const content = typeof item.content === "string" && item.content.startsWith("editor.") ? t(item.content as MessageKey) : item.content;
            return (
              <button
                key={item.id}
                ref={isLink ? linkButtonRef : undefined}
                type="button"
                className={`rte__btn${isLink && state?.link ? " is-active" : ""}`}
                data-testid={item.testId}
                data-item={item.id}
                aria-label={label}
                title={item.keys ? t("editor.shortcut", { label, keys: item.keys.shown }) : label}
                aria-keyshortcuts={item.keys?.aria}
                aria-pressed={pressed}
                aria-expanded={isLink ? linkOpen : undefined}
                aria-controls={isLink && linkOpen ? linkPanelId : undefined}
                disabled={!enabled}
                tabIndex={item.id === tabStop ? 0 : -1}
                onFocus={() => setFocusId(item.id)}
                onMouseDown={keepEditorFocus}
                onClick={() => {
                  if (!editor || !enabled) return;
                  if (isLink) onLink();
                  else item.run?.(editor);
                }}
              >
                {content}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

const ICON_PATHS: Record<"bulletList" | "orderedList" | "link" | "undo" | "redo", ReactNode> = {
  bulletList: (
    <>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <circle cx="4.5" cy="6" r="1.2" fill="currentColor" />
      <circle cx="4.5" cy="12" r="1.2" fill="currentColor" />
      <circle cx="4.5" cy="18" r="1.2" fill="currentColor" />
    </>
  ),
  orderedList: (
    <>
      <path d="M10 6h10M10 12h10M10 18h10" />
      <path d="M4 4.5l1.5-1v5" strokeWidth="1.6" />
      <path d="M3.5 11.2c.4-.8 2.6-.9 2.6.5 0 1-2.6 2-2.6 3.3h2.8" strokeWidth="1.6" />
      <path d="M3.6 17.2h2.4l-1.3 1.6c1 0 1.6.4 1.6 1.1 0 1.2-2.2 1.3-2.8.5" strokeWidth="1.6" />
    </>
  ),
  link: (
    <>
      <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L12 5.6" />
      <path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2" />
    </>
  ),
  undo: (
    <>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </>
  ),
  redo: (
    <>
      <path d="M15 14l5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
    </>
  ),
};

/** Decorative: every button that shows an icon has its own aria-label and title. */
function Icon({ name }: { name: keyof typeof ICON_PATHS }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      className="rte__icon"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {ICON_PATHS[name]}
    </svg>
  );
}

// ---------------------------------------------------------------------------------------------------
// Read-only preview shown before the editor exists (server render, hydration, no JavaScript).
// Plain React elements: text is escaped by React, links are shown as text (no href is ever rendered).

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

function renderPreview(node: JSONContent, key: number): ReactNode {
  if (node.type === "text") {
    let el: ReactNode = node.text ?? "";
    for (const mark of node.marks ?? []) {
      if (mark.type === "bold") el = <strong>{el}</strong>;
      else if (mark.type === "italic") el = <em>{el}</em>;
      else if (mark.type === "underline") el = <u>{el}</u>;
      else if (mark.type === "strike") el = <s>{el}</s>;
      else if (mark.type === "link") el = <span className="rte__preview-link">{el}</span>;
    }
    return <Fragment key={key}>{el}</Fragment>;
  }
  if (node.type === "hardBreak") return <br key={key} />;
  const kids = (node.content ?? []).map((child, i) => renderPreview(child, i));
  switch (node.type) {
    case "paragraph":
      return <p key={key}>{kids}</p>;
    case "heading": {
      const level = Math.min(4, Math.max(1, num(node.attrs?.level) ?? 2));
      const Tag = `h${level}` as "h1" | "h2" | "h3" | "h4";
      return <Tag key={key}>{kids}</Tag>;
    }
    case "bulletList":
      return <ul key={key}>{kids}</ul>;
    case "orderedList":
      return (
        <ol key={key} start={num(node.attrs?.start)}>
          {kids}
        </ol>
      );
    case "listItem":
      return <li key={key}>{kids}</li>;
    case "blockquote":
      return <blockquote key={key}>{kids}</blockquote>;
    case "table":
      return (
        <div className="tableWrapper" key={key}>
          <table>
            <tbody>{kids}</tbody>
          </table>
        </div>
      );
    case "tableRow":
      return <tr key={key}>{kids}</tr>;
    case "tableHeader":
      return (
        <th key={key} colSpan={num(node.attrs?.colspan)} rowSpan={num(node.attrs?.rowspan)}>
          {kids}
        </th>
      );
    case "tableCell":
      return (
        <td key={key} colSpan={num(node.attrs?.colspan)} rowSpan={num(node.attrs?.rowspan)}>
          {kids}
        </td>
      );
    default:
      return <Fragment key={key}>{kids}</Fragment>;
  }
}
