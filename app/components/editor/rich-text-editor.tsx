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
import { type KeyboardEvent as ReactKeyboardEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useT } from "~/i18n/use-t";
import { editorExtensions, isAllowedHref } from "~/lib/editor/extensions";
import { deriveText } from "~/lib/editor/text";
import { countWords, formatCount, plainTextOfJson, type WordCount, wordCountTotal } from "~/lib/editor/word-count";
import { renderPreview } from "./preview";
import { Toolbar } from "./toolbar";
import { selectToolbarState } from "./toolbar-state";

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
        <Toolbar
          editor={editor}
          state={state}
          linkOpen={linkOpen}
          linkPanelId={linkPanelId}
          linkButtonRef={linkButtonRef}
          onLink={() => (linkOpen ? closeLink(true) : openLink())}
        />
        {linkOpen && ready ? (
          <div
            className="rte__linkbar"
            id={linkPanelId}
            ref={linkPanelRef}
            role="group"
            aria-label={t("editor.link.title")}
            data-testid="editor-link-popover"
          >
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
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => closeLink(true)}
                data-testid="editor-link-cancel"
              >
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
        <span
          className="rte__count"
          data-testid="editor-word-count"
          title={t("editor.wordCount.detail", { characters: formatCount(count.characters), words: formatCount(count.words) })}
        >
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
