/** Word segmentation for Chinese (and mixed) text, safe for long documents. */

// Created once: constructing a Segmenter loads ICU data and is not free.
const WORDS = new Intl.Segmenter("zh", { granularity: "word" });

/** Chunks longer than this are cut before segmenting (the segmenter is quadratic on long strings). */
export const MAX_CHUNK = 500;

// A sentence ends after Chinese/Western terminators, plus any closing quotes or brackets.
const SENTENCE_END = /[。！？；!?;…]+[”’"'」』）)》]*/g;
// Softer places to cut an over-long chunk, so words are rarely split in half.
const SOFT_BREAK = /[，、,：:\s]/;

/**
 * Splits `text` into word tokens whose concatenation is exactly `text`.
 * Each "\n" is its own token; paragraphs are segmented sentence by sentence.
 */
export function segmentWords(text: string): string[] {
  const tokens: string[] = [];
  for (const line of text.split(/(\n)/)) {
    if (line === "\n") tokens.push(line);
    else for (const chunk of splitSentences(line)) pushSegments(chunk, tokens);
  }
  return tokens;
}

/** Splits a paragraph after sentence terminators, then caps every piece at MAX_CHUNK. */
export function splitSentences(paragraph: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    pushCapped(paragraph.slice(start, end), chunks);
    start = end;
  }
  if (start < paragraph.length) pushCapped(paragraph.slice(start), chunks);
  return chunks;
}

function pushCapped(piece: string, out: string[]): void {
  let rest = piece;
  while (rest.length > MAX_CHUNK) {
    const cut = cutPoint(rest);
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
}

/** Where to cut an over-long chunk: after the last soft break in its second half, else at MAX_CHUNK. */
function cutPoint(text: string): number {
  for (let i = MAX_CHUNK - 1; i >= MAX_CHUNK / 2; i--) {
    if (SOFT_BREAK.test(text[i])) return i + 1;
  }
  // Never separate the two halves of a surrogate pair (e.g. an emoji).
  return isLowSurrogate(text.charCodeAt(MAX_CHUNK)) ? MAX_CHUNK - 1 : MAX_CHUNK;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function pushSegments(chunk: string, out: string[]): void {
  for (const { segment } of WORDS.segment(chunk)) out.push(segment);
}
