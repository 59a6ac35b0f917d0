// The plan tables frozen into an edition, as Word tables for the edition's export: the indicator table
// (序号, 指标名称, 单位, 基期年（2020年）, 2025年, 2030年, 2035年, 属性) and the included key projects by
// type with subtotals, the total and one line per period. The export is a Chinese document: the
// words are the plan's own, as in the rest of the export.
import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { IndicatorTableContent } from "~/lib/plan-tables/frozen";
import { formatNumber, type IndicatorRow } from "~/lib/plan-tables/indicator-table";
import { formatAmount, type ProjectTableContent, periodName, projectTableRows } from "~/lib/plan-tables/project-table";

export type ExportTable = { kind: "indicators"; content: IndicatorTableContent } | { kind: "projects"; content: ProjectTableContent };

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const SMALL = 21; // half-points: 10.5 pt (五号), the size of tables in Chinese plan texts
const HEAD_FILL = { type: ShadingType.CLEAR, color: "auto", fill: "F2F2F2" };
const KIND_NAMES = { binding: "约束性", expected: "预期性" } as const;

type Align = "left" | "center" | "right";
interface Cell {
  text: string;
  align?: Align;
  bold?: boolean;
  span?: number;
  fill?: boolean;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot carry them
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/\p{Cs}/gu, "");

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

function table(widths: number[], head: string[], rows: Cell[][]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cell = (c: Cell, column: number, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: ALIGN[c.align ?? (header ? "center" : "left")],
          children: [new TextRun({ text: clean(c.text), bold: header || c.bold || undefined, size: SMALL })],
        }),
      ],
      width: { size: widths.slice(column, column + (c.span ?? 1)).reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnSpan: c.span && c.span > 1 ? c.span : undefined,
      shading: header || c.fill ? HEAD_FILL : undefined,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
    });
  const row = (cells: Cell[], header: boolean) => {
    let column = 0;
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((c) => {
        const out = cell(c, column, header);
        column += c.span ?? 1;
        return out;
      }),
    });
  };
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [
      row(
        head.map((text) => ({ text })),
        true,
      ),
      ...rows.map((r) => row(r, false)),
    ],
  });
}

function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 24 })],
  });
}

/** 规划指标表 */
export function indicatorDocxTable(rows: IndicatorRow[], width: number): Table {
  const weights = [5, 26, 9, 12, 10, 10, 10, 9];
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((width * w) / sum));
  widths[widths.length - 1] += width - widths.reduce((a, b) => a + b, 0);
  const num = (n: number | null): Cell => ({ text: formatNumber(n), align: "center" });
  const body: Cell[][] = rows.length
    ? rows.map((r, i) => [
        { text: String(i + 1), align: "center" },
        { text: r.name },
        { text: r.unit, align: "center" },
        num(r.baseline),
        num(r.targets["2025"]),
        num(r.targets["2030"]),
        num(r.targets["2035"]),
        { text: KIND_NAMES[r.kind], align: "center" },
      ])
    : [[{ text: "（无）", span: 8, align: "center" }]];
  return table(widths, ["序号", "指标名称", "单位", "基期年（2020年）", "2025年", "2030年", "2035年", "属性"], body);
}

/** 重点项目表: by type (一、…) with 小计, then 合计 and 其中 per period. */
export function projectDocxTable(content: ProjectTableContent, width: number): Table {
  const weights = [5, 30, 18, 13, 11, 12];
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((width * w) / sum));
  widths[widths.length - 1] += width - widths.reduce((a, b) => a + b, 0);
  const body: Cell[][] = content.projects.length
    ? projectTableRows(content).map((row): Cell[] => {
        switch (row.kind) {
          case "group":
            return [{ text: `${row.index}${row.typeName}`, span: 6, bold: true }];
          case "project": {
            const p = row.project;
            return [
              { text: String(row.number), align: "center" },
              { text: p.name },
              { text: p.township ? `${p.county}${p.township}` : p.county },
              { text: periodName(p.period), align: "center" },
              { text: formatAmount(p.areaHa), align: "right" },
              { text: formatAmount(p.investmentWan), align: "right" },
            ];
          }
          default: {
            const label = row.kind === "subtotal" ? "小计" : row.kind === "total" ? "合计" : `其中：${row.periodName}`;
            const strong = row.kind !== "period";
            return [
              { text: "" },
              { text: `${label}（${row.totals.count} 个）`, span: 3, bold: strong, fill: row.kind === "total" },
              { text: formatAmount(row.totals.areaHa), align: "right", bold: strong },
              { text: formatAmount(row.totals.investmentWan), align: "right", bold: strong },
            ];
          }
        }
      })
    : [[{ text: "（无）", span: 6, align: "center" }]];
  return table(widths, ["序号", "项目名称", "所在县（区）、乡镇", "实施期限", "面积（公顷）", "投资（万元）"], body);
}

/** A frozen table as it follows its section in the Word file: a caption, the table, an empty line. */
export function planTableBlocks(t: ExportTable, width: number): (Paragraph | Table)[] {
  if (t.kind === "indicators") return [caption("规划指标表"), indicatorDocxTable(t.content.indicators, width), new Paragraph({})];
  return [caption("重点项目表"), projectDocxTable(t.content, width), new Paragraph({})];
}
