// Reading an uploaded library workbook. First the bytes are checked (size, zip signature, that it is an
// Excel workbook and not a renamed file, a Word document or a zip bomb); then the data sheet is read with
// exceljs's streaming reader, which stops as soon as the row limit is passed, so a 50,000-row sheet is
// refused without building 50,000 rows. Formula cells give their cached values, never the formula text.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { type ColumnKey, columnOfHeader, headerOf, REQUIRED_COLUMNS } from "./columns";
import { declaredTotal, inflatesWithin, OLE_MAGIC, readCapped, startsWith, ZIP_MAGIC } from "../zip-limits.server";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_UNZIPPED_BYTES } from "./limits";
import { DATA_SHEET, HELP_SHEET, LISTS_SHEET, SUMMARY_SHEET } from "./xlsx";

/** A whole file refused before anything is stored: 413 for size, 400 otherwise. The key is an i18n key. */
export interface WorkbookProblem {
  status: 400 | 413;
  key: WorkbookProblemKey;
  params?: Record<string, string | number>;
}
export type WorkbookProblemKey =
  | "library.import.noFile"
  | "library.import.tooLarge"
  | "library.import.oldXls"
  | "library.import.notWorkbook"
  | "library.import.isDocx"
  | "library.import.macro"
  | "library.import.corrupt"
  | "library.import.bomb"
  | "library.import.noHeader"
  | "library.import.missingColumns"
  | "library.import.tooManyRows"
  | "library.import.noRows";

export type CellValue = string | number | boolean;
export type CellProblemKey = "library.problem.formulaNoValue" | "library.problem.cellError";

export interface RawRow {
  /** The row number Excel shows. */
  row: number;
  cells: Partial<Record<ColumnKey, CellValue>>;
  cellProblems: { field: ColumnKey; key: CellProblemKey }[];
}

export interface ParsedWorkbook {
  sheetName: string;
  headerRow: number;
  columns: ColumnKey[];
  rows: RawRow[];
}

export type ReadResult = { ok: true; workbook: ParsedWorkbook } | { ok: false; problem: WorkbookProblem };

const MAX_ENTRIES = 10_000;

const refuse = (
  key: WorkbookProblemKey,
  params?: Record<string, string | number>,
  status: 400 | 413 = 400,
): { ok: false; problem: WorkbookProblem } => ({ ok: false, problem: { status, key, ...(params ? { params } : {}) } });

/** Decides from the bytes alone (the file name is only the uploader's claim) whether this is an .xlsx we will read. */
export async function checkWorkbookBytes(bytes: Uint8Array): Promise<WorkbookProblem | null> {
  const checked = await openWorkbookZip(bytes);
  return "problem" in checked ? checked.problem : null;
}

async function openWorkbookZip(bytes: Uint8Array): Promise<{ zip: JSZip } | { problem: WorkbookProblem }> {
  const problem = (p: WorkbookProblem) => ({ problem: p });
  if (bytes.length === 0) return problem({ status: 400, key: "library.import.noFile" });
  if (bytes.length > MAX_IMPORT_BYTES) return problem({ status: 413, key: "library.import.tooLarge" });
  if (startsWith(bytes, OLE_MAGIC)) return problem({ status: 400, key: "library.import.oldXls" });
  if (!startsWith(bytes, ZIP_MAGIC)) return problem({ status: 400, key: "library.import.notWorkbook" });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return problem({ status: 400, key: "library.import.corrupt" });
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > MAX_ENTRIES) return problem({ status: 400, key: "library.import.notWorkbook" });
  if (declaredTotal(entries) > MAX_UNZIPPED_BYTES) return problem({ status: 400, key: "library.import.bomb" });
  if (zip.file("word/document.xml")) return problem({ status: 400, key: "library.import.isDocx" });
  const types = zip.file("[Content_Types].xml");
  if (!types || !zip.file("xl/workbook.xml")) return problem({ status: 400, key: "library.import.notWorkbook" });
  const typesXml = await readCapped(types, 1024 * 1024);
  if (typesXml === null) return problem({ status: 400, key: "library.import.bomb" });
  if (typesXml.includes("macroEnabled")) return problem({ status: 400, key: "library.import.macro" });
  if (!typesXml.includes("spreadsheetml.sheet.main+xml")) return problem({ status: 400, key: "library.import.notWorkbook" });
  // The central directory's sizes are only what the file claims: count while inflating, stop early.
  if ((await inflatesWithin(entries, MAX_UNZIPPED_BYTES)) !== "ok") return problem({ status: 400, key: "library.import.bomb" });
  return { zip };
}

/** A cell as plain data: formulas give their cached result, rich text and links their text. */
export function plainCell(value: ExcelJS.CellValue | undefined): { value?: CellValue; problem?: CellProblemKey } {
  if (value === null || value === undefined) return {};
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    if (typeof value === "number" && !Number.isFinite(value)) return { problem: "library.problem.cellError" };
    return { value };
  }
  if (value instanceof Date) return { value: value.toISOString().slice(0, 10) };
  const v = value as unknown as Record<string, unknown>;
  if ("formula" in v || "sharedFormula" in v) {
    if (!("result" in v) || v.result === undefined || v.result === null) return { problem: "library.problem.formulaNoValue" };
    return plainCell(v.result as ExcelJS.CellValue);
  }
  if ("error" in v) return { problem: "library.problem.cellError" };
  if (Array.isArray(v.richText)) return { value: (v.richText as { text?: string }[]).map((r) => r.text ?? "").join("") };
  if ("text" in v) return plainCell(v.text as ExcelJS.CellValue);
  return { problem: "library.problem.cellError" };
}

const isBlank = (v: CellValue | undefined) => v === undefined || (typeof v === "string" && v.trim() === "");
const SKIPPED_SHEETS = new Set([HELP_SHEET, LISTS_SHEET, SUMMARY_SHEET]);
const HEADER_SEARCH_ROWS = 10;

type SheetReader = AsyncIterable<ExcelJS.Row> & { name?: string; state?: string; iterator?: unknown };

/** Lets go of a sheet we do not read (exceljs then drains its zip entry). */
function discard(sheet: SheetReader) {
  const it = sheet.iterator as { destroy?: () => void; return?: () => unknown; on?: (event: string, fn: () => void) => void } | undefined;
  it?.on?.("error", () => {}); // a stream let go of must never raise an unhandled 'error' event
  if (typeof it?.destroy === "function") it.destroy();
  else if (typeof it?.return === "function") void it.return();
}

/**
 * Reads the library rows of an uploaded workbook: the first visible sheet (the template's 重点项目库 first)
 * whose header row, within its first ten rows, names 项目名称 and the other required columns.
 */
export async function readLibraryWorkbook(bytes: Uint8Array): Promise<ReadResult> {
  const checked = await openWorkbookZip(bytes);
  if ("problem" in checked) return { ok: false, problem: checked.problem };
  try {
    return await readRows(checked.zip);
  } catch {
    return refuse("library.import.corrupt");
  }
}

/** Decodes UTF-8 across chunk boundaries (a character split between two chunks stays whole). */
async function* utf8Chunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) yield typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * Works around two faults of exceljs 4.4's streaming reader. It decodes each chunk of XML on its own, so
 * a Chinese character that straddles two chunks comes out as U+FFFD: we hand it text instead of bytes
 * (the shared strings' and the workbook's zip entries get `setEncoding`, each sheet a decoding iterator).
 * And without shared strings (a workbook of inline strings) it parks every sheet in a temporary file
 * first: an empty list sends it down the direct path. The empty model and properties only guard a
 * workbook whose sheets would still come first.
 */
function decodeWhole(reader: object) {
  const r = reader as Record<string, unknown>;
  r.model ??= { sheets: [] };
  r.properties ??= { model: {} };
  r.sharedStrings ??= [];
  for (const method of ["_parseSharedStrings", "_parseWorkbook", "_parseRels"]) {
    const original = r[method] as (entry: { setEncoding?: (e: string) => void }, ...rest: unknown[]) => unknown;
    r[method] = function (this: unknown, entry: { setEncoding?: (e: string) => void }, ...rest: unknown[]) {
      entry.setEncoding?.("utf8");
      return original.call(this, entry, ...rest);
    };
  }
}

/** The parts exceljs's streaming reader needs before any sheet, in the order it needs them. */
const LEADING_PARTS = [
  "[Content_Types].xml",
  "_rels/.rels",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
];
const sheetNumber = (name: string) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] ?? Number.NaN);

/**
 * The same zip with the workbook, its relationships and the shared strings first and the sheets last.
 * Writers order their parts as they like (exceljs itself in no fixed order); exceljs 4.4's streaming
 * reader then parks sheets in temporary files, or reads a sheet before the workbook and fails, at random.
 * The compressed bytes are copied, not inflated again.
 */
async function canonicalOrder(zip: JSZip): Promise<Readable> {
  const names = Object.keys(zip.files);
  const sheets = names.filter((n) => !Number.isNaN(sheetNumber(n))).sort((x, y) => sheetNumber(x) - sheetNumber(y));
  const leading = LEADING_PARTS.filter((n) => zip.files[n]);
  const order = [...leading, ...names.filter((n) => !leading.includes(n) && !sheets.includes(n)), ...sheets];
  const files = zip.files as Record<string, JSZip.JSZipObject>;
  for (const name of order) {
    const entry = files[name];
    delete files[name];
    files[name] = entry;
  }
  return Readable.from([await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })]);
}

async function readRows(zip: JSZip): Promise<ReadResult> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(await canonicalOrder(zip), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  decodeWhole(reader);
  let found: ParsedWorkbook | null = null;
  let sawHeaderless = false;
  let missing: ColumnKey[] | null = null;
  let tooMany = false;
  // Every sheet is visited (and let go of), so that the zip stream runs to its end.
  for await (const sheet of reader as unknown as AsyncIterable<SheetReader>) {
    if (found || tooMany || sheet.state === "hidden" || sheet.state === "veryHidden" || SKIPPED_SHEETS.has(sheet.name ?? "")) {
      discard(sheet);
      continue;
    }
    const source = sheet.iterator;
    sheet.iterator = utf8Chunks(source as AsyncIterable<Buffer>);
    let header: { row: number; columns: Map<number, ColumnKey> } | null = null;
    let seen = 0;
    const rows: RawRow[] = [];
    for await (const row of sheet) {
      if (!header) {
        if (++seen > HEADER_SEARCH_ROWS) break;
        const columns = new Map<number, ColumnKey>();
        row.eachCell((cell, col) => {
          const text = plainCell(cell.value).value;
          const key = typeof text === "string" ? columnOfHeader(text) : null;
          if (key && ![...columns.values()].includes(key)) columns.set(col, key);
        });
        // a header names 项目名称 and at least one other column (the instructions sheet lists them one a row)
        if ([...columns.values()].includes("name") && columns.size >= 2) {
          const absent = REQUIRED_COLUMNS.filter((k) => ![...columns.values()].includes(k));
          if (absent.length) {
            missing ??= absent;
            break;
          }
          header = { row: row.number, columns };
        }
        continue;
      }
      const raw: RawRow = { row: row.number, cells: {}, cellProblems: [] };
      for (const [col, key] of header.columns) {
        const { value, problem } = plainCell(row.getCell(col).value);
        if (problem) raw.cellProblems.push({ field: key, key: problem });
        else if (!isBlank(value)) raw.cells[key] = value;
      }
      if (!raw.cellProblems.length && Object.keys(raw.cells).length === 0) continue;
      if (rows.length >= MAX_IMPORT_ROWS) {
        tooMany = true;
        break;
      }
      rows.push(raw);
    }
    if (!header) {
      sawHeaderless = true;
      continue;
    }
    if (!tooMany) found = { sheetName: sheet.name ?? DATA_SHEET, headerRow: header.row, columns: [...header.columns.values()], rows };
  }
  if (tooMany) return refuse("library.import.tooManyRows", { max: MAX_IMPORT_ROWS });
  if (!found && missing) return refuse("library.import.missingColumns", { columns: (missing as ColumnKey[]).map(headerOf).join("、") });
  if (!found) return refuse(sawHeaderless ? "library.import.noHeader" : "library.import.notWorkbook");
  if (!found.rows.length) return refuse("library.import.noRows");
  return { ok: true, workbook: found };
}
