// Test workbooks for the library import: unit, integration and end-to-end tests build their files here.
import ExcelJS from "exceljs";
import { LIBRARY_COLUMNS } from "./columns";
import { DATA_SHEET } from "./xlsx";

export const TEMPLATE_HEADER = LIBRARY_COLUMNS.map((c) => c.header);

export type RowInput = Partial<Record<(typeof LIBRARY_COLUMNS)[number]["key"], ExcelJS.CellValue>>;

/** A row in the template's column order. */
export function templateRow(values: RowInput): ExcelJS.CellValue[] {
  return LIBRARY_COLUMNS.map((c) => values[c.key] ?? null);
}

/** A good project row: 黑河湿地… with the given number. */
export function goodRow(i: number, over: RowInput = {}): ExcelJS.CellValue[] {
  return templateRow({
    name: `黑河湿地保护修复项目${i}`,
    type: "重要河流湿地保护修复",
    county: "甘州区",
    township: "党寨镇",
    areaHa: 100 + i,
    investmentWan: 500,
    period: "2021-2025",
    keyArea: "黑河中游湿地生态修复区",
    ...over,
  });
}

export async function workbookBytes(
  rows: ExcelJS.CellValue[][],
  {
    header = TEMPLATE_HEADER as ExcelJS.CellValue[],
    sheetName = DATA_SHEET,
    before,
  }: { header?: ExcelJS.CellValue[]; sheetName?: string; before?: (wb: ExcelJS.Workbook) => void } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  before?.(wb);
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A large workbook written with exceljs's streaming writer (50,000 rows in well under a second). */
export async function bigWorkbookBytes(n: number, row: (i: number) => ExcelJS.CellValue[] = (i) => goodRow(i)): Promise<Buffer> {
  const { PassThrough } = await import("node:stream");
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet(DATA_SHEET);
  ws.addRow(TEMPLATE_HEADER).commit();
  for (let i = 0; i < n; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
