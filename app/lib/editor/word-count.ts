/**
 * Word count in the way Chinese word processors show "字数":
 *  - every CJK character (Han ideographs incl. the supplementary-plane extensions, kana, Hangul syllables,
 *    bopomofo) counts 1 toward `characters`;
 *  - every run of other letters/digits counts 1 toward `words` ("2035", "12.5", "COVID-19", "don't",
 *    "ＡＢＣ" in full-width letters); a run stops at whitespace, punctuation or a CJK character;
 *  - an emoji (with its modifiers/ZWJ sequence) counts like a letter, so "👍" alone is one word;
 *  - whitespace (including the full-width space U+3000) and punctuation/symbols (，。、“”%（）…) count
 *    toward nothing.
 * The figure to show is `characters + words` (see `wordCountTotal`), as Word's Chinese "字数" does.
 * Pure and linear in the length of the text; no Intl.Segmenter (quadratic on long strings).
 */
export interface WordCount {
  characters: number;
  words: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/gu;

// A "word character" that can start a word: letters, digits, emoji (CJK is removed before this runs).
const START = String.raw`[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]`;
// What may follow inside a word without splitting it: combining marks, emoji joiners and modifiers.
const CONT = String.raw`[\p{L}\p{N}\p{M}\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\u200D\uFE0F\u20E3_\u{E0020}-\u{E007F}]`;
// Joiners allowed between two word characters: 12.5  1,234  don't  COVID-19  a/b  a@b.cn  10:30
const JOIN = String.raw`['’.,\-‐/:@&·]`;
const WORD = new RegExp(`${START}${CONT}*(?:${JOIN}${START}${CONT}*)*`, "gu");

export function countWords(text: string): WordCount {
  if (!text) return { characters: 0, words: 0 };
  let characters = 0;
  // Replace every CJK character by a space so that "abc中def" is two words around one character.
  const rest = text.replace(CJK, () => {
    characters += 1;
    return " ";
  });
  let words = 0;
  for (const _ of rest.matchAll(WORD)) words += 1;
  return { characters, words };
}

/** The single figure shown as "字数": CJK characters plus other words. */
export function wordCountTotal(count: WordCount): number {
  return count.characters + count.words;
}

/** 1234 → "1,234" (the same in both languages, and the same on server and client). */
export function formatCount(n: number): string {
  return String(Math.max(0, Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The minimal shape of Tiptap/ProseMirror JSON this module reads (structurally JSONContent). */
export interface JsonNodeLike {
  type?: string;
  text?: string;
  content?: JsonNodeLike[];
}

/**
 * Plain text of a Tiptap JSON document with a "\n" after every non-text node, so that words in
 * neighbouring blocks or cells never run together. Enough for counting before the editor exists
 * (server render); the live editor counts `deriveText(editor.state.doc)`, which gives the same count.
 * Iterative, so deep nesting cannot overflow the stack.
 */
export function plainTextOfJson(doc: JsonNodeLike | null | undefined): string {
  if (!doc) return "";
  const parts: string[] = [];
  const stack: (JsonNodeLike | "\n")[] = [doc];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === "\n") {
      parts.push("\n");
      continue;
    }
    if (typeof node.text === "string") {
      parts.push(node.text);
      continue;
    }
    stack.push("\n");
    const children = Array.isArray(node.content) ? node.content : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return parts.join("");
}
