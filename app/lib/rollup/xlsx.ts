// The roll-up as an Excel workbook, in the house style of the adoption table: a merged title row, the
// generated-at time, a bold filled header row frozen in place and repeated on every printed page.
// Every text is written as a string cell, so a title starting with = + - @ stays text, never a formula.
import ExcelJS from "exceljs";
import type { Translate } from "~/i18n";
import { wrappedLines } from "../adoption-table/xlsx";
import { formatDateTime } from "../time";
import { approvalText, attentionText, deadlineText, filingText, mismatchText, projectsText, reviewText, roundsText } from "./cells";
import type { RollupRow } from "./table";

const CREATOR = "生态修复规划评审平台";
const FONT = { name: "宋体", size: 10.5 };
const THIN = { style: "thin" } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const HEADER_ROW = 3;
const LINE_HEIGHT = 14;

export interface RollupXlsxInput {
  rows: RollupRow[];
  /** the city's region, e.g. 张掖市 */
  region: string;
  /** ISO-8601 with +08:00 */
  generatedAt: string;
  locale: "zh-CN" | "en";
  t: Translate;
}

type Cell = string | number;
interface Column {
  header: string;
  width: number;
  centred?: boolean;
  value: (r: RollupRow, i: number) => Cell;
}

function columns({ t, locale }: RollupXlsxInput): Column[] {
  return [
    { header: t("rollup.col.number"), width: 6, centred: true, value: (_, i) => i + 1 },
    { header: t("rollup.col.plan"), width: 34, value: (r) => r.title },
    { header: t("rollup.col.level"), width: 7, centred: true, value: (r) => t(`plan.level.${r.level}`) },
    { header: t("rollup.col.stage"), width: 14, value: (r) => t(`stage.${r.stage}`) },
    {
      header: t("rollup.col.deadline"),
      width: 14,
      centred: true,
      value: (r) =>
        r.dueOn ? (r.dueStage !== r.stage ? `${r.dueOn}\n${t("rollup.dueStage", { stage: t(`stage.${r.dueStage}`) })}` : r.dueOn) : "—",
    },
    { header: t("rollup.col.daysLeft"), width: 11, centred: true, value: (r) => deadlineText(r, t) },
    { header: t("rollup.col.rounds"), width: 32, value: (r) => roundsText(r, t, locale) },
    { header: t("rollup.col.commentsTotal"), width: 8, centred: true, value: (r) => r.comments.total },
    { header: t("rollup.col.unanswered"), width: 8, centred: true, value: (r) => r.comments.unanswered },
    { header: t("rollup.col.review"), width: 20, value: (r) => reviewText(r, t) },
    { header: t("rollup.col.approval"), width: 30, value: (r) => approvalText(r, t, locale) },
    { header: t("rollup.col.filing"), width: 14, centred: true, value: (r) => filingText(r, locale) },
    { header: t("rollup.col.indicators"), width: 10, centred: true, value: (r) => mismatchText(r) },
    { header: t("rollup.col.projects"), width: 22, value: (r) => projectsText(r, t) },
    { header: t("rollup.col.attention"), width: 18, value: (r) => attentionText(r, t) },
  ];
}

export async function rollupXlsx(input: RollupXlsxInput): Promise<Buffer> {
  const { t } = input;
  const cols = columns(input);
  const title = t("rollup.xlsx.title", { region: input.region });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.title = title;
  const generated = new Date(input.generatedAt);
  if (!Number.isNaN(generated.getTime())) workbook.created = workbook.modified = generated;

  const sheet = workbook.addWorksheet(t("rollup.xlsx.sheet"), {
    views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 2 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&C&P / &N" },
  });
  sheet.columns = cols.map((c) => ({ width: c.width }));
  const last = cols.length;

  const banner = (text: string, font: Partial<ExcelJS.Font>, height: number) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, last);
    row.height = height;
    row.getCell(1).font = { ...FONT, ...font };
    row.getCell(1).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  };
  banner(title, { name: "黑体", size: 16 }, 34);
  banner(
    `${t("rollup.generatedAt", { date: formatDateTime(input.generatedAt, input.locale) })}　${t("rollup.summary.plans", { count: input.rows.length })}`,
    { size: 9 },
    20,
  );

  const header = sheet.addRow(cols.map((c) => c.header));
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
  });

  input.rows.forEach((r, i) => {
    const values = cols.map((c) => c.value(r, i));
    const row = sheet.addRow(values);
    row.height = Math.max(...cols.map((c, j) => wrappedLines(String(values[j]), c.width))) * LINE_HEIGHT + 4;
    cols.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      // strings stay strings: exceljs writes them as shared strings, never as formulas
      cell.value = values[j];
      cell.font = r.overdue && j === 5 ? { ...FONT, bold: true, color: { argb: "FFA4262C" } } : FONT;
      cell.alignment = { horizontal: c.centred ? "center" : "left", vertical: "top", wrapText: true };
      cell.border = BORDER;
    });
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
