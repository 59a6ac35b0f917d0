import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  PageBreak,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { randomUUID } from "node:crypto";
import { isAllowedHref } from "~/lib/editor/extensions";
import { type ExportTable, planTableBlocks } from "./plan-tables";
import { markerParagraph, packStreamingBody } from "./streamed-body.server";
import { formatDate, shanghaiDate } from "~/lib/time";

/** `tables`: the plan tables frozen into the edition that stand at the end of this section. */
export type ExportSection = { number: string; title: string; depth: 0 | 1; content: Record<string, unknown>; tables?: ExportTable[] };

export type ExportInput = {
  planTitle: string;
  documentTitle: string;
  label: string;
  manifestHash: string;
  /** SM3 over the same canonical bytes as manifestHash */
  manifestSm3?: string;
  /** the audit chain's head when the file was made, so a copy kept outside anchors it */
  auditHead?: { events: number; sha256: string; sm3: string };
  /** ISO-8601 with +08:00 */
  publishedAt: string;
  sections: ExportSection[];
};

type JsonNode = { type?: string; attrs?: Record<string, unknown>; content?: JsonNode[]; marks?: JsonNode[]; text?: string };

const CREATOR = "生态修复规划评审平台";
// Word on Chinese Windows stores the Chinese names; other systems substitute by these names too.
const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };
const HEADING_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" };
const BODY_SIZE = 24; // half-points: 12 pt (小四)
// A4 with Word's default margins for Chinese documents (2.54 cm / 3.17 cm), in twips.
const PAGE = { width: 11906, height: 16838, marginY: 1440, marginX: 1800 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.marginX;
const LINE_15 = { line: 360, lineRule: LineRuleType.AUTO };
// Word counts the indent in characters (firstLineChars); LibreOffice reads the twips.
const FIRST_LINE_INDENT = { firstLine: 2 * BODY_SIZE * 10, firstLineChars: 200 };
const LIST_LEVELS = 3;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

type Ctx = { inTable: boolean; bold: boolean; quote: number };
type Lists = { next: number };

/**
 * A published edition → a .docx (cover, one heading per section, footer with label and hash). The body
 * is written section by section into the zip (streamed-body.server.ts): one section's objects and XML
 * are held at a time, not the whole edition's.
 */
export async function editionToDocx(input: ExportInput): Promise<Buffer> {
  const lists: Lists = { next: 1 };
  const marker = `portal-body-${randomUUID()}`;
  const sectionBlocks = (section: ExportSection): (Paragraph | Table)[] => [
    new Paragraph({
      heading: section.depth === 0 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      children: [new TextRun(clean(headingText(section.number, section.title)))],
    }),
    ...blocks((section.content as JsonNode).content ?? [], { inTable: false, bold: false, quote: 0 }, lists),
    ...(section.tables ?? []).flatMap((table) => planTableBlocks(table, TEXT_WIDTH)),
  ];
  const body = [...cover(input), markerParagraph(marker)];

  const doc = new Document({
    title: clean(`${input.planTitle} ${input.documentTitle}`),
    subject: clean(input.label),
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: BODY_SIZE } },
        heading1: headingStyle(32, true, AlignmentType.CENTER, 480),
        heading2: headingStyle(28, true, AlignmentType.LEFT, 360),
        heading3: headingStyle(24, true, AlignmentType.LEFT, 240),
        heading4: headingStyle(24, false, AlignmentType.LEFT, 120),
      },
    },
    numbering: {
      config: [
        { reference: "bullets", levels: listLevels(LevelFormat.BULLET, ["•", "◦", "▪"]) },
        { reference: "ordered", levels: listLevels(LevelFormat.DECIMAL, ["%1.", "(%2)", "%3)"]) },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginY, bottom: PAGE.marginY, left: PAGE.marginX, right: PAGE.marginX },
          },
        },
        footers: { default: footer(input) },
        children: body,
      },
    ],
  });
  return packStreamingBody(doc, marker, input.sections, sectionBlocks);
}

/** "第一章" + "总则" → "第一章　总则"; numbers that end in their own punctuation ("一、") need no space. */
export function headingText(number: string, title: string): string {
  const n = number.trim();
  if (!n) return title;
  return /[、．.）)]$/.test(n) ? `${n}${title}` : `${n}\u3000${title}`;
}

function headingStyle(size: number, bold: boolean, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], before: number) {
  return {
    run: { font: HEADING_FONT, size, bold, color: "000000" },
    paragraph: { alignment, spacing: { before, after: before / 2, ...LINE_15 }, keepNext: true },
  };
}

function listLevels(format: (typeof LevelFormat)[keyof typeof LevelFormat], texts: string[]) {
  return texts.slice(0, LIST_LEVELS).map((text, level) => ({
    level,
    format,
    text,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 840 + level * 420, hanging: 420 } } },
  }));
}

function cover(input: ExportInput): Paragraph[] {
  const line = (text: string, size: number, bold: boolean, before: number) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before, after: 240 },
      children: [new TextRun({ text: clean(text), size, bold, font: HEADING_FONT })],
    });
  return [
    line(input.planTitle, 36, true, 2400),
    line(input.documentTitle, 44, true, 480),
    line(input.label, 28, false, 480),
    line(`发布日期：${publishedDay(input.publishedAt)}`, 24, false, 2400),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function publishedDay(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : formatDate(shanghaiDate(t), "zh");
}

/** "审计链 128 条 · SHA-256 … · SM3 …": the head as printed in exports (`npm run audit:verify -- --head` takes the SHA-256). */
export function auditHeadLine(head: { events: number; sha256: string; sm3: string }): string {
  return `审计链 ${head.events} 条 · SHA-256 ${head.sha256} · SM3 ${head.sm3}`;
}

function footer(input: ExportInput): Footer {
  const small = { size: 16, font: BODY_FONT };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ ...small, text: clean(`${input.label} · 稿次摘要 ${input.manifestHash}`) })],
      }),
      ...(input.manifestSm3
        ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ ...small, text: `SM3 ${input.manifestSm3}` })] })]
        : []),
      ...(input.auditHead
        ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ ...small, text: auditHeadLine(input.auditHead) })] })]
        : []),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ ...small, children: ["第 ", PageNumber.CURRENT, " 页"] })],
      }),
    ],
  });
}

/** Tiptap block nodes → docx paragraphs and tables. Unknown nodes keep their children. */
function blocks(nodes: JsonNode[], ctx: Ctx, lists: Lists): (Paragraph | Table)[] {
  return nodes.flatMap((node): (Paragraph | Table)[] => {
    switch (node.type) {
      case "paragraph":
        return [paragraph(node, ctx)];
      case "heading":
        // Section headings own levels 1–2, so content headings start at 3 (and re-import stays inside the section).
        return [
          new Paragraph({
            heading: Number(node.attrs?.level) >= 4 ? HeadingLevel.HEADING_4 : HeadingLevel.HEADING_3,
            children: inlines(node.content, ctx),
          }),
        ];
      case "bulletList":
      case "orderedList":
        return list(node, 0, ctx, lists);
      case "blockquote":
        return blocks(node.content ?? [], { ...ctx, quote: ctx.quote + 1 }, lists);
      case "table":
        // an empty paragraph after it, or the next paragraph touches the bottom border
        return [table(node, lists), new Paragraph({})];
      default:
        return blocks(node.content ?? [], ctx, lists);
    }
  });
}

function paragraph(node: JsonNode, ctx: Ctx): Paragraph {
  const children = inlines(node.content, ctx);
  if (ctx.inTable) return new Paragraph({ children });
  return new Paragraph({
    children,
    // justified lines that end in a manual break get stretched across the page
    alignment: node.content?.some((c) => c.type === "hardBreak") ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    spacing: LINE_15,
    indent: { ...FIRST_LINE_INDENT, left: ctx.quote * 420 },
  });
}

/** One Word list per Tiptap list: a new `instance` makes ordered lists count from 1 again. */
function list(node: JsonNode, level: number, ctx: Ctx, lists: Lists): (Paragraph | Table)[] {
  const reference = node.type === "orderedList" ? "ordered" : "bullets";
  const numbering = { reference, level: Math.min(level, LIST_LEVELS - 1), instance: lists.next++ };
  const out: (Paragraph | Table)[] = [];
  for (const item of node.content ?? []) {
    (item.content ?? []).forEach((child, i) => {
      if (child.type === "bulletList" || child.type === "orderedList") out.push(...list(child, level + 1, ctx, lists));
      else if (child.type === "paragraph")
        out.push(
          new Paragraph({
            children: inlines(child.content, ctx),
            spacing: ctx.inTable ? undefined : LINE_15,
            // later paragraphs of an item line up with its text, without a second bullet
            ...(i === 0 ? { numbering } : { indent: { left: 840 + numbering.level * 420 } }),
          }),
        );
      else out.push(...blocks([child], ctx, lists));
    });
  }
  return out;
}

function table(node: JsonNode, lists: Lists): Table {
  const rows = node.content ?? [];
  const columns = Math.max(1, ...rows.map((r) => (r.content ?? []).reduce((n, c) => n + span(c.attrs?.colspan), 0)));
  const widths = columnWidths(rows, columns);
  const widthOf = (column: number, colspan: number) => widths.slice(column, column + colspan).reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          // repeat a real header row on every page the table spans
          tableHeader: r === 0 && (row.content ?? []).every((c) => c.type === "tableHeader"),
          children: (row.content ?? []).map((cell, c, cells) => {
            const head = r === 0 || cell.type === "tableHeader";
            const colspan = span(cell.attrs?.colspan);
            const column = cells.slice(0, c).reduce((n, x) => n + span(x.attrs?.colspan), 0);
            const children = blocks(cell.content ?? [], { inTable: true, bold: head, quote: 0 }, lists);
            return new TableCell({
              children: children.length ? children : [new Paragraph({})],
              width: { size: widthOf(column, colspan), type: WidthType.DXA },
              columnSpan: colspan > 1 ? colspan : undefined,
              rowSpan: span(cell.attrs?.rowspan) > 1 ? span(cell.attrs?.rowspan) : undefined,
              shading: head ? { type: ShadingType.CLEAR, color: "auto", fill: "F2F2F2" } : undefined,
              margins: { left: 80, right: 80, top: 40, bottom: 40 },
            });
          }),
        }),
    ),
  });
}

const textOf = (node: JsonNode): string => (node.text ?? "") + (node.content ?? []).map(textOf).join("");

/** Columns share the width by the length of their longest cell (within bounds), so names don't wrap per character. */
function columnWidths(rows: JsonNode[], columns: number): number[] {
  const weight = Array.from({ length: columns }, () => 4);
  for (const row of rows) {
    let column = 0;
    for (const cell of row.content ?? []) {
      const colspan = span(cell.attrs?.colspan);
      if (colspan === 1 && column < columns) weight[column] = Math.max(weight[column], Math.min([...textOf(cell)].length, 10));
      column += colspan;
    }
  }
  const total = weight.reduce((a, b) => a + b, 0);
  const widths = weight.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  widths[columns - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const span = (v: unknown) => (typeof v === "number" && v >= 1 ? Math.floor(v) : 1);

function inlines(nodes: JsonNode[] | undefined, ctx: Ctx): ParagraphChild[] {
  return (nodes ?? []).map((node): ParagraphChild => {
    if (node.type === "hardBreak") return new TextRun({ break: 1 });
    const marks = new Map((node.marks ?? []).map((m) => [m.type, m]));
    const run = {
      text: clean(node.text ?? ""),
      bold: ctx.bold || marks.has("bold") || undefined,
      italics: marks.has("italic") || undefined,
      underline: marks.has("underline") ? {} : undefined,
      strike: marks.has("strike") || undefined,
    };
    const href = marks.get("link")?.attrs?.href;
    if (typeof href === "string" && isAllowedHref(href) && /^(https?|mailto):/i.test(href.trim())) {
      return new ExternalHyperlink({ link: href.trim(), children: [new TextRun({ ...run, style: "Hyperlink" })] });
    }
    return new TextRun(run);
  });
}

/** XML 1.0 cannot carry most control characters; Word refuses the whole file over one. */
function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/\p{Cs}/gu, "");
}
