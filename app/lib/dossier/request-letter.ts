// The 请示 as a Word file in the layout of GB/T 9704—2012: 版头 (red 发文机关标志, 发文字号, red
// separator line), title in 二号方正小标宋简体, 主送机关, body in 三号仿宋_GB2312 on a 22 × 28 grid
// with headings in 黑体 and 楷体_GB2312, 附件说明, 署名 and 成文日期, 附注 (contact), page numbers
// "— 1 —" in 四号宋体 outside (odd right, even left), and the 版记 between its lines at the foot of the
// last page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  RelativeVerticalPosition,
  Tab,
  Table,
  TableAnchorType,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import JSZip from "jszip";
import { formatDate } from "../time";
import {
  BODY_PT,
  bannerSize,
  CHAR_PITCH,
  CHAR_SPACE,
  FONTS,
  FOOTER_DISTANCE,
  LINE_PITCH,
  PAGE,
  PT,
  signatureIndents,
  TEXT_WIDTH,
} from "./gbt9704";
import type { LetterBlock, RequestLetter } from "./letter-content";

const RED = "FF0000";
const CHAR_TIGHTEN = -5; // twips
const IMPRINT_ROW = 620; // twips: one 四号 line of the 版记 between its rules
const CREATOR = "生态修复规划评审平台";
const half = (pt: number) => pt * 2;
/** A run's fonts: the Chinese face for CJK; Latin letters and digits in Times New Roman unless `latin` says otherwise. */
const face = (eastAsia: string, latin: string = FONTS.latin) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });
/** n characters of the body grid, in twips. */
const chars = (n: number) => Math.round(n * CHAR_PITCH);
const EXACT = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };
const blank = (lines = 1) => Array.from({ length: lines }, () => new Paragraph({ spacing: EXACT, children: [] }));

/**
 * A run of 三号 text, tightened by ¼ pt (紧缩 0.25 磅) so that 28 characters fill the 156 mm line at their own
 * width (see `requestLetterDocx` on why the paragraphs do not snap to the character grid).
 */
function bodyRun(text: string, font: string = FONTS.body) {
  return new TextRun({ text: clean(text), font: face(font), size: half(BODY_PT), characterSpacing: CHAR_TIGHTEN });
}

/** A body paragraph: justified, first line indented two characters. */
function bodyParagraph(b: LetterBlock): Paragraph {
  const font = b.kind === "h1" ? FONTS.heading1 : b.kind === "h2" ? FONTS.heading2 : FONTS.body;
  return new Paragraph({
    alignment: b.kind === "p" ? AlignmentType.BOTH : AlignmentType.LEFT,
    spacing: EXACT,
    indent: { firstLine: chars(2), firstLineChars: 200 },
    keepNext: b.kind !== "p",
    children: [bodyRun(b.text, font)],
  });
}

/** 版头: 发文机关标志 35 mm below the top of the type area, 发文字号 two lines under it, the red line 4 mm below that. */
function head(l: RequestLetter): Paragraph[] {
  const banner = `${l.issuer}文件`;
  const size = bannerSize(banner);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 1984, line: Math.round(size * 20 * 1.15), lineRule: LineRuleType.EXACT },
      children: [
        new TextRun({ text: clean(banner), font: face(FONTS.title, FONTS.title), size: half(size), color: RED, snapToGrid: false }),
      ],
    }),
    ...blank(1),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: EXACT,
      // the red separator line, as wide as the type area, 4 mm under the 发文字号
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
      children: [bodyRun(l.documentNumber)],
    }),
  ];
}

function titleParagraph(title: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: LINE_PITCH * 2, line: LINE_PITCH + 200, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: clean(title), font: face(FONTS.title, FONTS.title), size: half(PT.二号), snapToGrid: false })],
  });
}

/** 附件说明: "附件：1. …", later items lined up under the first name. */
function attachmentList(items: string[]): Paragraph[] {
  if (!items.length) return [];
  const nameAt = chars(2 + 3) + chars(1); // 左空二字, "附件：", then the number
  return items.map(
    (name, i) =>
      new Paragraph({
        spacing: EXACT,
        tabStops: [{ type: TabStopType.LEFT, position: nameAt }],
        indent: { left: nameAt, hanging: i === 0 ? nameAt - chars(2) : nameAt - chars(5) },
        children: [
          bodyRun(`${i === 0 ? "附件：" : ""}${i + 1}.`),
          new TextRun({ children: [new Tab()], size: half(BODY_PT) }),
          bodyRun(name),
        ],
      }),
  );
}

/** 发文机关署名 and 成文日期 (no seal), then the 附注 with the contact. */
function closing(l: RequestLetter): Paragraph[] {
  const date = formatDate(l.date, "zh");
  const { signatureRight, dateRight } = signatureIndents(l.signature, date);
  const note = `（联系人：${l.contact || "\u3000\u3000\u3000"}，联系电话：${l.phone || "\u3000\u3000\u3000\u3000\u3000\u3000"}）`;
  return [
    ...blank(1),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: EXACT,
      indent: { right: chars(signatureRight) },
      children: [bodyRun(l.signature)],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: EXACT, indent: { right: chars(dateRight) }, children: [bodyRun(date)] }),
    new Paragraph({ spacing: EXACT, indent: { left: chars(2) }, children: [bodyRun(note)] }),
  ];
}

/**
 * 版记: 抄送 and 印发机关/印发日期 in 四号仿宋 between a thick, a thin and a thick rule, as a table floated
 * to the foot of the last page (its last rule on the bottom edge of the type area). Word floats it there;
 * LibreOffice 7 draws floating tables in line, right after the 附注.
 */
function imprint(l: RequestLetter): Table {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: "000000" }; // 0.35 mm
  const thin = { style: BorderStyle.SINGLE, size: 6, color: "000000" }; // 0.25 mm
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const one = PT.四号 * 20; // one character of 四号, in twips
  const run = (text: string) => new TextRun({ text: clean(text), font: face(FONTS.body), size: half(PT.四号) });
  const spacing = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };
  const row = (paragraph: Paragraph) =>
    new TableRow({
      height: { value: IMPRINT_ROW, rule: HeightRule.EXACT },
      children: [
        new TableCell({
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          margins: { left: 0, right: 0, top: 0, bottom: 0 },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [paragraph],
        }),
      ],
    });
  const rows: TableRow[] = [];
  if (l.cc.length) {
    const label = "抄送：";
    rows.push(
      row(
        new Paragraph({
          spacing,
          indent: { left: one * (1 + label.length), hanging: one * label.length, right: one },
          children: [run(`${label}${l.cc.join("，")}。`)],
        }),
      ),
    );
  }
  rows.push(
    row(
      new Paragraph({
        spacing,
        indent: { left: one, right: one },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - one }],
        children: [
          run(l.printer),
          new TextRun({ children: [new Tab()], size: half(PT.四号) }),
          run(`${formatDate(l.printedOn, "zh")}印发`),
        ],
      }),
    ),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    borders: { top: thick, bottom: thick, insideHorizontal: thin, left: none, right: none, insideVertical: none },
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      absoluteHorizontalPosition: 0,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    },
    rows,
  });
}

/** 页码: "— 1 —" in 四号宋体, one character in from the outside edge (odd pages right, even pages left). */
function pageNumber(side: "odd" | "even"): Footer {
  const one = PT.四号 * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: one } : { left: one },
        spacing: { line: PT.四号 * 20, lineRule: LineRuleType.EXACT },
        children: [
          new TextRun({ font: face(FONTS.pageNumber, FONTS.pageNumber), size: half(PT.四号), children: ["— ", PageNumber.CURRENT, " —"] }),
        ],
      }),
    ],
  });
}

export async function requestLetterDocx(l: RequestLetter): Promise<Buffer> {
  const doc = new Document({
    title: clean(l.title),
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: face(FONTS.body), size: half(BODY_PT) }, paragraph: { spacing: EXACT } },
      },
      // the grid's character pitch is measured from the Normal style's size (LibreOffice reads it there)
      paragraphStyles: [
        { id: "Normal", name: "Normal", run: { font: face(FONTS.body), size: half(BODY_PT) }, paragraph: { spacing: EXACT } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 851, footer: FOOTER_DISTANCE },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumber("odd"), even: pageNumber("even") },
        children: [
          ...head(l),
          titleParagraph(l.title),
          ...blank(1),
          new Paragraph({ spacing: EXACT, children: [bodyRun(`${l.addressee}：`)] }),
          ...l.body.map(bodyParagraph),
          ...(l.attachments.length ? [...blank(1), ...attachmentList(l.attachments)] : []),
          ...closing(l),
          ...blank(1),
          imprint(l),
          // a document may not end in a table
          new Paragraph({ spacing: EXACT, children: [] }),
        ],
      },
    ],
  });
  return unsnapParagraphs(await Packer.toBuffer(doc));
}

/**
 * The section carries the standard's 22 × 28 grid (Word: 页面设置 → 文档网格), and the text is set to its
 * measures directly: exact 28.95 pt lines, characters tightened to fit 28 a line. Paragraphs do not snap
 * to the grid (pPrDefault snapToGrid=0), because LibreOffice gives a 16 pt character two cells of the
 * 15.8 pt grid (14 characters a line); this way Word, WPS and LibreOffice all lay out 22 × 28.
 */
async function unsnapParagraphs(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const styles = await zip.file("word/styles.xml")!.async("string");
  zip.file("word/styles.xml", styles.replace("<w:pPrDefault><w:pPr>", '<w:pPrDefault><w:pPr><w:snapToGrid w:val="0"/>'));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** XML 1.0 cannot carry most control characters; Word refuses the whole file over one. */
function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/\p{Cs}/gu, "");
}
