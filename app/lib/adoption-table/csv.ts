// The adoption table as CSV (RFC 4180) that Excel on Chinese Windows opens as UTF-8.
import { type AdoptionInput, adoptionTableRows, COLUMNS } from "./rows";

const BOM = "\uFEFF";
const CRLF = "\r\n";

export function adoptionTableCsv(input: AdoptionInput): string {
  const lines = [COLUMNS.map((c) => c.header), ...adoptionTableRows(input).map((row) => COLUMNS.map((c) => String(row[c.key])))];
  return BOM + lines.map((fields) => fields.map(csvField).join(",")).join(CRLF) + CRLF;
}

/** Neutralises formulas (a leading = + - @, tab or CR) and quotes where RFC 4180 needs it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
