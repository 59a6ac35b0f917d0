// The adoption table as a Word document: A4 landscape, house fonts (宋体 body, 黑体 title), a table whose
// header row repeats on every page, and the edition hash in the footer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import JSZip from "jszip";
import {
  type AdoptionInput,
  type AdoptionRow,
  adoptionSubtitle,
  adoptionSummary,
  adoptionTableRows,
  adoptionTitle,
  COLUMNS,
  summaryText,
} from "./rows";

const CREATOR = "生态修复规划评审平台";
const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };
const TITLE_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" };
const BODY_SIZE = 21; // half-points: 10.5 pt (五号)
// A4 landscape with 2 cm margins, in twips.
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.height - 2 * PAGE.margin;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const CELL_MARGIN = 80;
const CENTRED = new Set(["number", "decision"]);

/**
 * Column widths in twips, in proportion to the spreadsheet's, except that no column is narrower than its
 * header on one line (the page is narrower than the spreadsheet, and "序/号" helps no one).
 */
export const DOCX_COLUMN_WIDTHS = (() => {
  const least = COLUMNS.map((c) => [...c.header].length * BODY_SIZE * 10 + 2 * CELL_MARGIN + 40);
  const total = COLUMNS.reduce((n, c) => n + c.width, 0);
  const narrow = COLUMNS.map((c, i) => (TEXT_WIDTH * c.width) / total < least[i]);
  const spare = TEXT_WIDTH - least.reduce((n, w, i) => n + (narrow[i] ? w : 0), 0);
  const rest = COLUMNS.reduce((n, c, i) => n + (narrow[i] ? 0 : c.width), 0);
  const widths = COLUMNS.map((c, i) => (narrow[i] ? least[i] : Math.floor((spare * c.width) / rest)));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
})();

export async function adoptionTableDocx(input: AdoptionInput): Promise<Buffer> {
  const rows = adoptionTableRows(input);
  const title = adoptionTitle(input);

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: COLUMNS.map((c, i) => cell(c.header, i, { bold: true, centred: true, shaded: true })),
  });
  // The docx library builds one object per cell and paragraph, which for thousands of rows costs several
  // times the spreadsheet. It lays out one row of markers instead; that row's XML is then the template
  // every row is written from as plain strings (see bodyRowsXml).
  const body = [new TableRow({ children: COLUMNS.map((_, i) => cell(marker(i), i, { centred: CENTRED.has(COLUMNS[i].key) })) })];

  const doc = new Document({
    title,
    subject: input.roundTitle,
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: { default: footer(input.manifestHash) },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [new TextRun({ text: title, font: TITLE_FONT, size: 32 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: adoptionSubtitle(input), size: 18 })],
          }),
          new Table({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            columnWidths: DOCX_COLUMN_WIDTHS,
            layout: TableLayoutType.FIXED,
            borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
            rows: [header, ...body],
          }),
          new Paragraph({
            spacing: { before: 120 },
            children: [new TextRun({ text: `合计：${summaryText(adoptionSummary(rows))}`, bold: true })],
          }),
        ],
      },
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const xml = await zip.file("word/document.xml")!.async("string");
  zip.file("word/document.xml", withBodyRows(xml, rows));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

const marker = (column: number) => `\u2063ROW-CELL-${column}\u2063`;
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
// characters XML 1.0 does not allow at all
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the ones removed
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const escapeXml = (text: string) => text.replace(NOT_XML, "").replace(/[&<>"]/g, (c) => XML_ESCAPES[c]);

/** Replaces the marker row of document.xml by the real rows, written from its XML. */
function withBodyRows(xml: string, rows: AdoptionRow[]): string {
  const rowStart = xml.lastIndexOf("<w:tr>", xml.indexOf(marker(0)));
  const rowEnd = xml.indexOf("</w:tr>", rowStart) + "</w:tr>".length;
  const template = xml.slice(rowStart, rowEnd);
  // the row as literal pieces around one paragraph template per column
  const pieces: string[] = [];
  const paragraphs: string[] = [];
  let at = 0;
  COLUMNS.forEach((_, i) => {
    const m = template.indexOf(marker(i), at);
    const pStart = template.lastIndexOf("<w:p>", m);
    const pEnd = template.indexOf("</w:p>", m) + "</w:p>".length;
    pieces.push(template.slice(at, pStart));
    paragraphs.push(template.slice(pStart, pEnd));
    at = pEnd;
  });
  pieces.push(template.slice(at));
  const out: string[] = [];
  for (const row of rows) {
    COLUMNS.forEach((c, i) => {
      out.push(pieces[i]);
      const [before, after] = paragraphs[i].split(marker(i));
      for (const line of String(row[c.key]).split("\n")) out.push(before, escapeXml(line), after);
    });
    out.push(pieces[COLUMNS.length]);
  }
  return xml.slice(0, rowStart) + out.join("") + xml.slice(rowEnd);
}

/** One paragraph per line of the cell's text. */
function cell(text: string, column: number, style: { bold?: boolean; centred?: boolean; shaded?: boolean }): TableCell {
  return new TableCell({
    width: { size: DOCX_COLUMN_WIDTHS[column], type: WidthType.DXA },
    verticalAlign: style.shaded ? VerticalAlign.CENTER : VerticalAlign.TOP,
    shading: style.shaded ? { type: ShadingType.CLEAR, color: "auto", fill: "F2F2F2" } : undefined,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
    children: text.split("\n").map(
      (line) =>
        new Paragraph({
          alignment: style.centred ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: line, bold: style.bold })],
        }),
    ),
  });
}

function footer(manifestHash: string): Footer {
  const small = { size: 16, font: BODY_FONT };
  return new Footer({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ ...small, text: `稿次摘要 ${manifestHash}` })] }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ ...small, children: ["第 ", PageNumber.CURRENT, " 页"] })],
      }),
    ],
  });
}
