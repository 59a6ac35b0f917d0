// Snippets: a window of text around the first match, with every match in it as offsets. Rendered as
// React elements from the offsets (components/search-snippet.tsx); never as HTML.
import { foldCase } from "./query";

export interface Snippet {
  text: string;
  /** UTF-16 offsets into `text`, ascending, not overlapping. */
  matches: { start: number; end: number }[];
}

export interface SnippetOptions {
  /** Characters shown before the first match. */
  before?: number;
  /** Length of the window. */
  length?: number;
}

const ELLIPSIS = "…";

/** Every occurrence of q in text (case-insensitive where folding keeps offsets), as [start, end). */
export function findMatches(text: string, q: string): { start: number; end: number }[] {
  if (!q) return [];
  // Folding the whole text costs; a query with no cased letters (Chinese) is found as it is.
  const cased = q.toLowerCase() !== q.toUpperCase();
  const hay = cased ? foldCase(text) : text;
  const needle = cased ? foldCase(q) : q;
  const out: { start: number; end: number }[] = [];
  let from = 0;
  for (;;) {
    const i = hay.indexOf(needle, from);
    if (i < 0) return out;
    out.push({ start: i, end: i + needle.length });
    from = i + needle.length;
  }
}

const isLow = (s: string, i: number) => i > 0 && i < s.length && s.charCodeAt(i) >= 0xdc00 && s.charCodeAt(i) <= 0xdfff;

/**
 * The window of `text` around the first match of q: line breaks shown as spaces, an ellipsis where
 * text was cut, and the matches inside the window (a match cut by the window's end is cut with it).
 * With no match (the index folds case more widely than JS), the beginning of the text.
 */
export function makeSnippet(text: string, q: string, { before = 30, length = 120 }: SnippetOptions = {}): Snippet {
  const all = findMatches(text, q);
  let start = all.length ? Math.max(0, all[0].start - before) : 0;
  let end = Math.min(text.length, start + Math.max(length, all.length ? all[0].end - all[0].start : 0));
  if (end === text.length) start = Math.max(0, Math.min(start, end - length));
  if (isLow(text, start)) start++;
  if (isLow(text, end)) end--;
  const lead = start > 0 ? ELLIPSIS : "";
  const body = text.slice(start, end).replace(/\r\n|\r|\n/g, (m) => " ".repeat(m.length));
  const matches = all
    .filter((m) => m.end > start && m.start < end)
    .map((m) => ({ start: Math.max(m.start, start) - start + lead.length, end: Math.min(m.end, end) - start + lead.length }));
  return { text: lead + body + (end < text.length ? ELLIPSIS : ""), matches };
}

/** The snippet as runs of plain and matched text, for rendering without HTML. */
export function snippetParts(s: Snippet): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const m of s.matches) {
    const start = Math.max(m.start, at);
    const end = Math.min(m.end, s.text.length);
    if (end <= start) continue;
    if (start > at) parts.push({ text: s.text.slice(at, start), hit: false });
    parts.push({ text: s.text.slice(start, end), hit: true });
    at = end;
  }
  if (at < s.text.length) parts.push({ text: s.text.slice(at), hit: false });
  return parts;
}
