import { useCallback, useEffect, useState } from "react";
import { buildAnchor, type TextAnchor } from "~/lib/anchoring/anchor";
import { containerText, rangeToOffsets } from "~/components/anchoring/dom-text";

export interface PassageSelection {
  sectionId: string;
  anchor: TextAnchor;
  /** Where to show the "add comment" button, relative to the page. */
  top: number;
  left: number;
}

/**
 * The passage the reader has selected inside one section's text (`[data-section-text]`), as an
 * anchor on that section's text. Mouse, keyboard and touch selections all end in a selectionchange.
 */
export function usePassageSelection(enabled: boolean) {
  const [selection, setSelection] = useState<PassageSelection | null>(null);

  const read = useCallback(() => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return setSelection(null);
    const range = sel.getRangeAt(0);
    const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
    const container = start?.closest<HTMLElement>("[data-section-text]");
    if (!container?.contains(range.endContainer)) return setSelection(null);
    const offsets = rangeToOffsets(container, range);
    if (!offsets) return setSelection(null);
    const anchor = buildAnchor(containerText(container), offsets.start, offsets.end);
    if (!anchor?.exact.trim()) return setSelection(null);
    const rect = range.getBoundingClientRect();
    setSelection({
      sectionId: container.dataset.sectionText!,
      anchor,
      top: rect.bottom + window.scrollY + 6,
      left: Math.max(8, rect.left + window.scrollX),
    });
  }, []);

  useEffect(() => {
    if (!enabled) return;
    // a passage selected while the page was still loading (before hydration) is kept: offer it now
    read();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // selectionchange fires for every step of a drag; read once the selection settles
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(read, 150);
    };
    document.addEventListener("selectionchange", onChange);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", onChange);
    };
  }, [enabled, read]);

  return { selection, clear: () => setSelection(null) };
}
