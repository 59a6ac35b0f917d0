// The approval and filing records: what a document number, a date and an approval letter must look
// like. Pure.

/** The approval letter: a PDF of at most 20 MB. */
export const MAX_LETTER_BYTES = 20 * 1024 * 1024;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Does the file start with the PDF signature "%PDF-"? */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= PDF_MAGIC.length && PDF_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * A 发文字号 such as 张政函〔2021〕85号: the issuing organ's code, the year in 六角括号 〔〕, the serial
 * number, 号. At most 50 characters.
 */
export const DOCUMENT_NUMBER = /^[^\s〔〕]+〔(?:19|20)\d{2}〕\d{1,5}号$/u;
export const MAX_DOCUMENT_NUMBER = 50;

export type DocumentNumberProblem = "required" | "tooLong" | "pattern";

export function documentNumberProblem(value: string): DocumentNumberProblem | null {
  const v = value.trim();
  if (!v) return "required";
  if ([...v].length > MAX_DOCUMENT_NUMBER) return "tooLong";
  return DOCUMENT_NUMBER.test(v) ? null : "pattern";
}

/** A real calendar date YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL_OR_QUOTE = /[\u0000-\u001f\u007f"]/g;

/** A safe file name to store and to offer on download: no path, no control characters, at most 120 characters. */
export function letterFileName(name: string | null | undefined, fallback: string): string {
  const base = (name ?? "").split(/[\\/]/).pop()!.replace(CONTROL_OR_QUOTE, "").trim();
  const cut = [...(base || fallback)].slice(0, 120).join("");
  return /\.pdf$/i.test(cut) ? cut : `${cut}.pdf`;
}
