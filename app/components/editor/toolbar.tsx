// The editor's toolbar: one Tab stop, arrow keys between buttons, the editor keeps its selection.
import type { Editor } from "@tiptap/react";
import { type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent, type RefObject, useRef, useState } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { ALL_ITEMS, GROUPS, type Item, type ItemId } from "./toolbar-items";
import type { ToolbarState } from "./toolbar-state";

export function Toolbar({
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
    <div
      className="rte__toolbar"
      role="toolbar"
      aria-label={t("editor.toolbar")}
      aria-orientation="horizontal"
      ref={toolbarRef}
      onKeyDown={onKeyDown}
    >
      {GROUPS.map((group) => (
        <div className="rte__group" role="group" aria-label={t(group.label)} key={group.label}>
          {group.items.map((item) => {
            const label = t(item.label);
            const enabled = isEnabled(item);
            const pressed = state && item.pressed ? item.pressed(state) : item.pressed ? false : undefined;
            const isLink = item.id === "link";
            const content =
              typeof item.content === "string" && item.content.startsWith("editor.") ? t(item.content as MessageKey) : item.content;
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
