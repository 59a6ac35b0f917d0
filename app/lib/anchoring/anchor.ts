// A text anchor: a passage of a revision's `text` (see lib/editor/text.ts), located by UTF-16
// offsets and described by its quote and some context, so it can be found again in later revisions.

export const CONTEXT_LENGTH = 32;
export const MAX_EXACT_LENGTH = 5000;

export interface TextAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when the offset falls between the two halves of a surrogate pair (inside an emoji, say). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Context never starts or ends in the middle of a surrogate pair. */
function contextBefore(text: string, start: number, length: number) {
  let from = Math.max(0, start - length);
  if (splitsSurrogatePair(text, from)) from--;
  return text.slice(from, start);
}
function contextAfter(text: string, end: number, length: number) {
  let to = Math.min(text.length, end + length);
  if (splitsSurrogatePair(text, to)) to++;
  return text.slice(end, to);
}

/** The anchor of text[start, end), or null when the range is empty, out of bounds or splits a character. */
export function buildAnchor(text: string, start: number, end: number, contextLength = CONTEXT_LENGTH): TextAnchor | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return null;
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) return null;
  return {
    exact: text.slice(start, end),
    prefix: contextBefore(text, start, contextLength),
    suffix: contextAfter(text, end, contextLength),
    start,
    end,
  };
}

export type AnchorProblem = "out_of_range" | "empty" | "too_long" | "splits_character" | "exact_mismatch" | "context_mismatch";

/**
 * Checks an anchor someone sent against the text it claims to quote: the offsets must select
 * exactly `exact`; prefix and suffix, of any length up to the context length, must be the text
 * right before and after. Returns the first problem, or null.
 */
export function anchorProblem(text: string, a: TextAnchor): AnchorProblem | null {
  if (!Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.end > text.length) return "out_of_range";
  if (a.start >= a.end || a.exact.length === 0) return "empty";
  if (a.exact.length > MAX_EXACT_LENGTH) return "too_long";
  if (splitsSurrogatePair(text, a.start) || splitsSurrogatePair(text, a.end)) return "splits_character";
  if (text.slice(a.start, a.end) !== a.exact) return "exact_mismatch";
  if (a.prefix.length > CONTEXT_LENGTH + 1 || text.slice(a.start - a.prefix.length, a.start) !== a.prefix) return "context_mismatch";
  if (a.suffix.length > CONTEXT_LENGTH + 1 || text.slice(a.end, a.end + a.suffix.length) !== a.suffix) return "context_mismatch";
  return null;
}

/** Every start offset of `exact` in `text` (to tell a repeated passage's occurrences apart). */
export function occurrences(text: string, exact: string): number[] {
  const out: number[] = [];
  if (!exact) return out;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) out.push(i);
  return out;
}
