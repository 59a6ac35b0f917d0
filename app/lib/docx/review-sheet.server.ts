// The 专家评审意见表 as a Word file, and reading one back: the visible tables (what a person reads and
// could edit in Word) and the embedded data (a custom document property with the records' JSON).
import { DOMParser } from "@xmldom/xmldom";
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import JSZip from "jszip";
import { readCapped } from "../zip-limits.server";
import { canonicalJson } from "~/lib/hash/canonical-json";
import {
  conclusionRows,
  infoRows,
  SHEET_PROPERTY,
  type SheetData,
  SIGNOFF_HEADER,
  signoffCells,
  type VisibleTables,
} from "~/lib/review-sheet/sheet";
import { auditHeadLine } from "./export.server";

const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
// A4 portrait, 2.54 cm margins all round: the width the tables share
const TEXT_WIDTH = 11906 - 2 * 1440;

const para = (text: string, opts: { bold?: boolean; size?: number; mono?: boolean } = {}) =>
  new Paragraph({
    children: [
      new TextRun({
        text,
        bold: opts.bold,
        size: opts.size ?? 21,
        font: opts.mono ? { ascii: "Consolas", hAnsi: "Consolas", eastAsia: "宋体" } : FONT,
      }),
    ],
  });

/** A cell: one paragraph per line of its text. */
const cell = (text: string, width: number, opts: { bold?: boolean; mono?: boolean } = {}) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: (text === "" ? [""] : text.split("\n")).map((line) => para(line, { ...opts, size: opts.mono ? 16 : 21 })),
  });

function labelTable(rows: [string, string][]) {
  const w = [2000, TEXT_WIDTH - 2000];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: w,
    borders: BORDERS,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({ children: [cell(label, w[0], { bold: true }), cell(value, w[1], { mono: /^[0-9a-f]{64}$/.test(value) })] }),
    ),
  });
}

function signoffTable(d: SheetData) {
  const w = [720, 1100, 1000, 2600, 1500, TEXT_WIDTH - 6920];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: w,
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: SIGNOFF_HEADER.map((h, i) => cell(h, w[i], { bold: true })) }),
      ...d.signoffs.map(
        (r, i) => new TableRow({ cantSplit: false, children: signoffCells(r, i).map((text, c) => cell(text, w[c], { mono: c === 5 })) }),
      ),
    ],
  });
}

export type SheetExport = { data: SheetData; auditHead: { events: number; sha256: string; sm3: string }; exportedAt: string };

/** The sheet: review and edition, each expert's row, the panel conclusion, the keys, the audit head. */
export async function reviewSheetDocx({ data, auditHead, exportedAt }: SheetExport): Promise<Buffer> {
  const keys = [...data.signoffs, ...(data.conclusion ? [data.conclusion] : [])].filter((r) => r.key);
  const body: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: "专家评审意见表", bold: true, size: 36, font: { ...FONT, eastAsia: "黑体" } })],
    }),
    labelTable(infoRows(data)),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: "一、专家意见", bold: true, font: FONT })] }),
    signoffTable(data),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: "二、专家组意见", bold: true, font: FONT })] }),
    data.conclusion ? labelTable(conclusionRows(data.conclusion)) : para("专家组尚未出具意见。"),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: "附录：签名公钥（JWK）", bold: true, font: FONT })] }),
    ...(keys.length
      ? keys.flatMap((r) => [
          para(
            `${r.signerName} · ${r.key!.algorithm} · 公钥指纹 ${r.key!.fingerprint}${r.key!.revokedAt ? ` · 密钥已于 ${r.key!.revokedAt.slice(0, 10)} 吊销` : ""}`,
          ),
          para(canonicalJson(r.key!.jwk), { mono: true, size: 16 }),
        ])
      : [para("本表各签署均早于网页签名启用，以签名摘要核验。")]),
    para(
      `签名载荷：canonicalJSON({reviewId, signerId, kind, conclusion, opinion, manifestHash, manifestSm3, signedAt})；评审编号 ${data.reviewId}。`,
      { size: 16 },
    ),
    para(`导出时 ${auditHeadLine(auditHead)}`, { size: 16 }),
    para(`导出时间 ${exportedAt}。可在平台“核验意见表”页面上传本文件，逐行核对与平台记录是否一致。`, { size: 16 }),
  ];
  const doc = new Document({
    creator: "生态修复规划评审平台",
    title: `专家评审意见表：${data.title}`,
    customProperties: [{ name: SHEET_PROPERTY, value: canonicalJson(data) }],
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function textOf(p: Element): string {
  let out = "";
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.namespaceURI === W && e.localName === "t") out += e.textContent ?? "";
      else if (e.namespaceURI === W && e.localName === "tab") out += "\t";
      else if (e.namespaceURI === W && (e.localName === "br" || e.localName === "cr")) out += "\n";
      else if (!(e.namespaceURI === W && e.localName === "delText")) walk(e);
    }
  };
  walk(p);
  return out;
}

const children = (e: Element, name: string) =>
  Array.from(e.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === name,
  );

/** More than any sheet's document.xml or custom.xml; an uploaded part beyond it is not a sheet. */
export const MAX_PART_BYTES = 8 * 1024 * 1024;

async function readPart(zip: JSZip, name: string, limit: number): Promise<string | null> {
  const file = zip.file(name);
  return file ? readCapped(file, limit) : null;
}

/** The embedded data (null if absent) and the visible tables of a .docx; null when it is not a readable .docx (or a part inflates past MAX_PART_BYTES). */
export async function readReviewSheet(bytes: Uint8Array): Promise<{ embedded: string | null; tables: VisibleTables } | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  // an uploaded file: inflate only the two parts read, each with a cap (a sheet's parts are kilobytes)
  const documentXml = await readPart(zip, "word/document.xml", MAX_PART_BYTES);
  if (!documentXml) return null;
  const parser = new DOMParser({ errorHandler: { warning: () => {}, error: () => {}, fatalError: () => {} } });
  const doc = parser.parseFromString(documentXml, "text/xml");
  const tables: VisibleTables = Array.from(doc.getElementsByTagNameNS(W, "tbl")).map((tbl) =>
    children(tbl as unknown as Element, "tr").map((tr) => children(tr, "tc").map((tc) => children(tc, "p").map(textOf).join("\n"))),
  );
  let embedded: string | null = null;
  const customXml = await readPart(zip, "docProps/custom.xml", MAX_PART_BYTES);
  if (customXml) {
    const custom = parser.parseFromString(customXml, "text/xml");
    for (const prop of Array.from(custom.getElementsByTagName("property"))) {
      if (prop.getAttribute("name") === SHEET_PROPERTY) embedded = prop.textContent ?? null;
    }
  }
  return { embedded, tables };
}
