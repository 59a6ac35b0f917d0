// The corpus's building blocks: the edit kinds, spans of paragraphs and sentences, seeded choices.
export const EDIT_KINDS = [
  "insert_elsewhere",
  "insert_adjacent",
  "delete_elsewhere",
  "replace_elsewhere",
  "move_paragraph",
  "move_other_paragraph",
  "duplicate_paragraph",
  "move_sentence",
  "edit_passage",
  "delete_passage",
  "delete_sentence",
  "replace_passage",
  "delete_most",
  "delete_paragraph",
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export type Random = () => number;

export interface Span {
  start: number;
  end: number;
}

/** Paragraph spans (without their "\n"). */
export function paragraphSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    out.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
}

export const SENTENCE_END = /[。；！？]/;

/** Sentence spans (terminator included) of the whole text, never crossing a paragraph. */
export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const p of paragraphSpans(text)) {
    let start = p.start;
    for (let i = p.start; i < p.end; i++) {
      if (SENTENCE_END.test(text[i])) {
        out.push({ start, end: i + 1 });
        start = i + 1;
      }
    }
    if (start < p.end) out.push({ start, end: p.end });
  }
  return out.filter((s) => s.end - s.start >= 4);
}

export const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

export function count(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + 1)) n++;
  return n;
}

export const PUNCTUATION = /[，。；、：！？“”（）《》\n\s]/;
export const FILLERS = ["进一步", "全面", "系统", "重点", "有序", "切实", "统筹", "持续", "（试行）", "等", "和", "及相关"];
