// The library as Excel workbooks: the blank template, a plan's library and the consolidated library of
// all plans. One layout (columns.ts), drop-down lists for type, period and status, numeric checks, and
// an instructions sheet. Text that Excel could take for a formula is written as rich text.
import ExcelJS from "exceljs";
import { ID_COLUMN, LIBRARY_COLUMNS, type LibraryColumn, PLAN_HEADER } from "./columns";
import {
  COUNTIES,
  PROJECT_STATUS_NAMES,
  PROJECT_TYPE_NAMES,
  type ProjectStatus,
  projectPeriods,
  projectStatuses,
  projectTypes,
} from "./fields";
import { MAX_IMPORT_ROWS, MAX_IMPORT_MB } from "./limits";
import type { ProjectValues } from "./schema";

export const DATA_SHEET = "重点项目库";
export const HELP_SHEET = "填表说明";
export const LISTS_SHEET = "选项";
export const SUMMARY_SHEET = "汇总";
const CREATOR = "生态修复规划评审平台";
const FONT = { name: "宋体", size: 10.5 };
const THIN = { style: "thin" } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } } as const;
const AMOUNT_FORMAT = "#,##0.00";

export interface LibraryRow extends ProjectValues {
  id: string;
  status: ProjectStatus;
  reason: string;
  planTitle?: string;
}

export interface WorkbookOptions {
  /** The consolidated library: a plan column first. */
  planColumn?: boolean;
  /** Per-plan and per-type totals on a second sheet. */
  summary?: { byPlan: TotalsRow[]; byType: TotalsRow[] };
  generatedAt?: Date;
}

export interface TotalsRow {
  label: string;
  total: number;
  candidate: number;
  included: number;
  excluded: number;
  includedAreaHa: number;
  includedInvestmentWan: number;
}

/** Text that a spreadsheet would read as a formula (= + - @, or a leading tab/CR) is kept as rich text. */
export function safeText(value: string): ExcelJS.CellValue {
  return /^[=+\-@\t\r]/.test(value) ? { richText: [{ text: value }] } : value;
}

function cellValue(row: LibraryRow, key: LibraryColumn["key"]): ExcelJS.CellValue {
  switch (key) {
    case "type":
      return PROJECT_TYPE_NAMES[row.type];
    case "status":
      return PROJECT_STATUS_NAMES[row.status];
    case "areaHa":
    case "investmentWan":
    case "investCentral":
    case "investProvincial":
    case "investLocal":
    case "investSocial":
      return row[key] ?? null;
    default:
      return safeText(String(row[key] ?? ""));
  }
}

function newWorkbook(generatedAt?: Date) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  if (generatedAt) workbook.created = workbook.modified = generatedAt;
  return workbook;
}

function colLetter(n: number): string {
  let s = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

const LISTS: { header: string; values: string[] }[] = [
  { header: "项目类型", values: projectTypes.map((t) => PROJECT_TYPE_NAMES[t]) },
  { header: "实施期限", values: [...projectPeriods] },
  { header: "状态", values: projectStatuses.map((s) => PROJECT_STATUS_NAMES[s]) },
  { header: "所在县区", values: [...COUNTIES] },
];
const listRange = (i: number) => `${LISTS_SHEET}!$${colLetter(i + 1)}$2:$${colLetter(i + 1)}$${LISTS[i].values.length + 1}`;

/** The hidden sheet the drop-down lists point at (added last, so the visible sheets come first). */
function addLists(workbook: ExcelJS.Workbook) {
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: "hidden" });
  lists.getRow(1).values = LISTS.map((l) => l.header);
  LISTS.forEach((l, c) => {
    l.values.forEach((v, r) => {
      lists.getCell(r + 2, c + 1).value = v;
    });
  });
}

/** exceljs 4.4 has range data validations but leaves them out of its types. */
type DataValidation = {
  type: "list" | "decimal";
  allowBlank?: boolean;
  operator?: string;
  formulae: (string | number)[];
  showErrorMessage?: boolean;
  errorStyle?: "stop" | "warning";
  errorTitle?: string;
  error?: string;
};
const validations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations;

function addDataSheet(workbook: ExcelJS.Workbook, rows: LibraryRow[], { planColumn = false, withId = false }) {
  const columns: LibraryColumn[] = [
    ...(planColumn ? [{ key: "name", header: PLAN_HEADER, width: 30 } as LibraryColumn] : []),
    ...LIBRARY_COLUMNS,
    ...(withId ? [ID_COLUMN] : []),
  ];
  const sheet = workbook.addWorksheet(DATA_SHEET, {
    views: [{ state: "frozen", ySplit: 1, xSplit: planColumn ? 2 : 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const header = sheet.getRow(1);
  header.values = columns.map((c) => c.header);
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
  });
  for (const data of rows) {
    const row = sheet.addRow(columns.map((c, i) => (planColumn && i === 0 ? safeText(data.planTitle ?? "") : cellValue(data, c.key))));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = FONT;
      cell.border = BORDER;
      if (c.numeric) cell.numFmt = AMOUNT_FORMAT;
    });
  }

  // Drop-down lists and number checks down to the import limit (or the rows written, if more).
  const last = Math.max(rows.length, MAX_IMPORT_ROWS) + 1;
  const at = (key: LibraryColumn["key"]) => colLetter(columns.findIndex((c, i) => c.key === key && !(planColumn && i === 0)) + 1);
  const list = (key: LibraryColumn["key"], formula: string, error: string, strict = true) =>
    validations(sheet).add(`${at(key)}2:${at(key)}${last}`, {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: strict ? "stop" : "warning",
      errorTitle: "请从列表中选择",
      error,
    });
  list("type", listRange(0), "项目类型须为十类生态修复工程之一，请从下拉列表中选择。");
  list("period", listRange(1), "实施期限须为 2021-2025、2026-2030 或 2031-2035。");
  list("status", listRange(2), "状态须为候选、纳入或不纳入。");
  list("county", listRange(3), "所在县区一般为张掖市六县区之一；跨县区项目可照填。", false);
  for (const c of columns.filter((c) => c.numeric)) {
    validations(sheet).add(`${at(c.key)}2:${at(c.key)}${last}`, {
      type: "decimal",
      operator: "greaterThanOrEqual",
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "请输入数字",
      error: "面积和投资须为不小于 0 的数字（面积单位公顷，投资单位万元）。",
    });
  }
  return sheet;
}

const HELP_LINES: [string, string][] = [
  ["项目名称", "必填，不超过 100 字；同一规划内不得重名。"],
  ["项目类型", `必填，从下拉列表选择：${projectTypes.map((t) => PROJECT_TYPE_NAMES[t]).join("、")}。`],
  ["所在县区", "必填，如 甘州区、临泽县。"],
  ["乡镇", "选填。"],
  ["面积（公顷）", "必填，不小于 0 的数字，单位公顷。"],
  ["投资（万元）", "必填，不小于 0 的数字，单位万元。"],
  ["中央、省级、市县、社会", "选填，资金构成（万元）。填写任一项时，四项之和须等于投资（万元），误差不超过 0.01；空白按 0 计。"],
  ["实施期限", "必填：2021-2025、2026-2030 或 2031-2035。"],
  ["服务重点区域", "选填，项目服务的规划重点区域。"],
  ["状态", "选填：候选、纳入、不纳入；新增项目留空即为候选。"],
  ["理由", "状态为“不纳入”时必填。"],
  ["项目编号", "由平台导出时生成。修改已有项目时保留此列；新增项目留空。"],
];

function addHelpSheet(workbook: ExcelJS.Workbook) {
  const help = workbook.addWorksheet(HELP_SHEET);
  help.columns = [{ width: 24 }, { width: 90 }];
  const title = help.addRow(["重点项目素材库填表说明"]);
  title.font = { name: "黑体", size: 14 };
  const lines = [
    `1. 在“${DATA_SHEET}”工作表中填写，每个项目一行；第 1 行为表头，请勿修改或删除表头。`,
    `2. 一次最多导入 ${MAX_IMPORT_ROWS} 行，文件不超过 ${MAX_IMPORT_MB} MB，须为 Excel 工作簿（.xlsx）。`,
    "3. 上传后平台先逐行检查并显示预览；任何一行有问题都不能导入，请按提示在 Excel 中改正后重新上传。确认导入前不会写入项目库。",
    "4. 单元格中的公式按其计算结果导入。",
  ];
  for (const l of lines) help.addRow([l]).getCell(1).alignment = { wrapText: false };
  help.addRow([]);
  const head = help.addRow(["列", "填写要求"]);
  head.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  for (const [col, rule] of HELP_LINES) {
    const row = help.addRow([col, rule]);
    row.eachCell((cell) => {
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: "top" };
    });
  }
}

function addSummarySheet(workbook: ExcelJS.Workbook, summary: NonNullable<WorkbookOptions["summary"]>) {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET);
  sheet.columns = [{ width: 40 }, { width: 9 }, { width: 9 }, { width: 9 }, { width: 9 }, { width: 16 }, { width: 16 }];
  const table = (title: string, first: string, rows: TotalsRow[]) => {
    sheet.addRow([title]).font = { name: "黑体", size: 12 };
    const head = sheet.addRow([first, "项目数", "候选", "纳入", "不纳入", "纳入面积（公顷）", "纳入投资（万元）"]);
    head.eachCell((cell) => {
      cell.font = { ...FONT, bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
    });
    for (const r of rows) {
      const row = sheet.addRow([
        safeText(r.label),
        r.total,
        r.candidate,
        r.included,
        r.excluded,
        r.includedAreaHa,
        r.includedInvestmentWan,
      ]);
      row.eachCell((cell, i) => {
        cell.font = FONT;
        cell.border = BORDER;
        if (i >= 6) cell.numFmt = AMOUNT_FORMAT;
      });
    }
    sheet.addRow([]);
  };
  table("分规划汇总", "规划", summary.byPlan);
  table("分类型汇总", "项目类型", summary.byType);
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The blank template: the header, the lists and checks, the instructions. */
export async function libraryTemplateXlsx(generatedAt?: Date): Promise<Buffer> {
  const workbook = newWorkbook(generatedAt);
  addDataSheet(workbook, [], {});
  addHelpSheet(workbook);
  addLists(workbook);
  return toBuffer(workbook);
}

/** A plan's library (with ids, so it can be edited and uploaded again), or the consolidated library. */
export async function libraryXlsx(rows: LibraryRow[], options: WorkbookOptions = {}): Promise<Buffer> {
  const workbook = newWorkbook(options.generatedAt);
  addDataSheet(workbook, rows, { planColumn: options.planColumn, withId: true });
  if (options.summary) addSummarySheet(workbook, options.summary);
  addHelpSheet(workbook);
  addLists(workbook);
  return toBuffer(workbook);
}
