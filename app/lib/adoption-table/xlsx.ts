// The adoption table as an Excel workbook: title, subtitle, a bordered table that prints on A4 landscape.
import ExcelJS from "exceljs";
import { type AdoptionInput, adoptionSubtitle, adoptionSummary, adoptionTableRows, adoptionTitle, COLUMNS, summaryText } from "./rows";

export const SHEET_NAME = "意见采纳情况表";
const CREATOR = "生态修复规划评审平台";
const FONT = { name: "宋体", size: 10.5 };
const THIN = { style: "thin" } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_ROW = 3;
const LINE_HEIGHT = 14; // points, for 10.5 pt text
/** Columns kept short and centred. */
const CENTRED = new Set(["number", "decision"]);

export async function adoptionTableXlsx(input: AdoptionInput): Promise<Buffer> {
  const rows = adoptionTableRows(input);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.title = adoptionTitle(input);
  const generated = new Date(input.generatedAt);
  if (!Number.isNaN(generated.getTime())) workbook.created = workbook.modified = generated;

  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: "frozen", ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C稿次摘要 ${input.manifestHash}　第 &P 页，共 &N 页` },
  });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const last = COLUMNS.length;

  const banner = (text: string, font: Partial<ExcelJS.Font>, height: number) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, last);
    row.height = height;
    row.getCell(1).font = { ...FONT, ...font };
    row.getCell(1).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  };
  banner(adoptionTitle(input), { name: "黑体", size: 16 }, 36);
  // two lines once the audit head is printed beside the edition hash
  banner(adoptionSubtitle(input), { size: 9 }, input.auditHead ? 32 : 20);

  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
  });

  for (const data of rows) {
    const row = sheet.addRow(COLUMNS.map((c) => data[c.key]));
    // Neither Excel nor LibreOffice grows a row to its wrapped text on opening, so we size it here.
    row.height = Math.max(...COLUMNS.map((c) => wrappedLines(String(data[c.key]), c.width))) * LINE_HEIGHT + 4;
    COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = FONT;
      cell.alignment = { horizontal: CENTRED.has(c.key) ? "center" : "left", vertical: "top", wrapText: true };
      cell.border = BORDER;
    });
  }

  const summary = sheet.addRow([`合计：${summaryText(adoptionSummary(rows))}`]);
  sheet.mergeCells(summary.number, 1, summary.number, last);
  summary.height = 22;
  for (let i = 1; i <= last; i++) summary.getCell(i).border = BORDER;
  summary.getCell(1).font = { ...FONT, bold: true };
  summary.getCell(1).alignment = { horizontal: "left", vertical: "middle" };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Lines a cell's text takes when wrapped in a column `width` units wide (a CJK character is two units). */
export function wrappedLines(text: string, width: number): number {
  const units = (line: string) => [...line].reduce((n, ch) => n + (ch.codePointAt(0)! > 0xff ? 2 : 1), 0);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(units(line) / (width - 1.5))), 0);
}
