// 专家评审意见表: each review's sign-offs as they were signed — each expert's conclusion, opinion, time
// and signature hash, the edition's label and manifest hash, the panel conclusion and the chair's
// confirmations — as a Word file on the GB/T 9704 page. Pure.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Conclusion } from "~db/schema/enums";
import { formatDate, shanghaiDate } from "../time";
import { FONTS, PAGE, PT, TEXT_WIDTH } from "./gbt9704";
import { CONCLUSION_WORDS } from "./letter-content";

export interface ReviewRecord {
  planTitle: string;
  title: string;
  documentTitle: string;
  editionLabel: string;
  manifestHash: string;
  meetingDate: string | null;
  quorum: number;
  signoffs: {
    name: string;
    title: string;
    conclusion: Conclusion;
    opinion: string;
    signedAt: string;
    signatureHash: string;
    valid: boolean;
  }[];
  panel: { chair: string; conclusion: Conclusion; opinion: string; signedAt: string; signatureHash: string } | null;
  confirmations: { label: string; manifestHash: string; chair: string; signedAt: string; signatureHash: string }[];
}

const CREATOR = "生态修复规划评审平台";
const SIZE = PT.四号 * 2 - 4; // 小四 (12 pt), in half-points
const SMALL = 18; // 9 pt, for hashes
const face = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin });
const LINE = { line: 360, lineRule: LineRuleType.AUTO };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

/** "2026-11-10T15:04:05+08:00" → "2026年11月10日 15:04" (Beijing time, as signed). */
export function signedTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${formatDate(shanghaiDate(t), "zh")} ${new Date(t + 8 * 3600_000).toISOString().slice(11, 16)}`;
}

const run = (text: string, opts: { bold?: boolean; size?: number; font?: string } = {}) =>
  new TextRun({ text: clean(text), bold: opts.bold, size: opts.size ?? SIZE, font: face(opts.font ?? FONTS.body) });
const para = (
  children: TextRun[],
  opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; before?: number } = {},
) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.LEFT,
    spacing: { ...LINE, before: opts.before ?? 0 },
    indent: opts.indent ? { firstLineChars: 200, firstLine: SIZE * 20 } : undefined,
    children,
  });
/** A multi-line text (an opinion) as paragraphs. */
const lines = (text: string, size = SIZE) => text.split(/\n+/).map((l) => para([run(l, { size })]));

function cell(children: Paragraph[], width: number, opts: { head?: boolean; span?: number } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    shading: opts.head ? { type: ShadingType.CLEAR, color: "auto", fill: "F2F2F2" } : undefined,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children,
  });
}

/** Label | value rows: the review, the edition and its hash. */
function facts(r: ReviewRecord): Table {
  const label = 2000;
  const rows: [string, Paragraph[]][] = [
    ["规划名称", [para([run(r.planTitle)])]],
    ["审查事项", [para([run(r.title)])]],
    ["审查稿次", [para([run(`${r.documentTitle}（${r.editionLabel}）`)])]],
    ["稿次摘要", [para([run(`SHA-256：${r.manifestHash}`, { size: SMALL })])]],
    ["审查日期", [para([run(r.meetingDate ? formatDate(r.meetingDate, "zh") : "—")])]],
    ["专家组", [para([run(`${r.signoffs.length} 名专家签署意见（法定人数 ${r.quorum} 人）`)])]],
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [label, TEXT_WIDTH - label],
    borders: BORDERS,
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          children: [
            cell([para([run(k, { bold: true })], { align: AlignmentType.CENTER })], label, { head: true }),
            cell(v, TEXT_WIDTH - label),
          ],
        }),
    ),
  });
}

/** One row per expert: who, conclusion, time, signature; the opinion in full under it. */
function signoffTable(r: ReviewRecord): Table {
  const widths = [700, 2600, 1600, 3945];
  const head = ["序号", "专家", "评审结论", "签署时间及签名摘要"];
  const rows = [
    new TableRow({
      tableHeader: true,
      children: head.map((h, i) => cell([para([run(h, { bold: true })], { align: AlignmentType.CENTER })], widths[i], { head: true })),
    }),
  ];
  r.signoffs.forEach((s, i) => {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell([para([run(String(i + 1))], { align: AlignmentType.CENTER })], widths[0]),
          cell([para([run(s.name, { bold: true })]), ...(s.title ? [para([run(s.title, { size: SMALL })])] : [])], widths[1]),
          cell([para([run(CONCLUSION_WORDS[s.conclusion])], { align: AlignmentType.CENTER })], widths[2]),
          cell(
            [
              para([run(signedTime(s.signedAt))]),
              para([run(s.signatureHash, { size: SMALL })]),
              ...(s.valid ? [] : [para([run("（签名与记录不符）", { bold: true })])]),
            ],
            widths[3],
          ),
        ],
      }),
    );
    rows.push(
      new TableRow({ children: [cell([para([run("评审意见：", { bold: true })]), ...lines(s.opinion)], TEXT_WIDTH, { span: 4 })] }),
    );
  });
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, borders: BORDERS, rows });
}

function heading(text: string) {
  return para([run(text, { font: FONTS.heading1, size: PT.三号 * 2 })], { before: 240 });
}

function review(r: ReviewRecord): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [facts(r), heading("一、专家个人意见"), signoffTable(r), heading("二、专家组意见")];
  if (r.panel) {
    out.push(
      para([run(`结论：${CONCLUSION_WORDS[r.panel.conclusion]}`, { bold: true })]),
      ...r.panel.opinion.split(/\n+/).map((l) => para([run(l)], { indent: true })),
      para([run(`专家组组长：${r.panel.chair}　　签署时间：${signedTime(r.panel.signedAt)}`)]),
      para([run(`签名摘要：${r.panel.signatureHash}`, { size: SMALL })]),
    );
  } else {
    out.push(para([run("尚未形成专家组意见。")]));
  }
  if (r.confirmations.length) {
    out.push(heading("三、修改落实确认"));
    for (const c of r.confirmations) {
      out.push(
        para([run(`专家组组长${c.chair}于${signedTime(c.signedAt)}确认：专家组的修改意见已在${r.documentTitle}（${c.label}）中落实。`)], {
          indent: true,
        }),
        para([run(`确认稿次摘要：${c.manifestHash}`, { size: SMALL })]),
        para([run(`签名摘要：${c.signatureHash}`, { size: SMALL })]),
      );
    }
  }
  return out;
}

export async function signoffRecordDocx(records: ReviewRecord[], generatedAt: string): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [];
  records.forEach((r, i) => {
    if (i > 0) body.push(new Paragraph({ children: [new PageBreak()] }));
    body.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [new TextRun({ text: "专家评审意见表", font: face(FONTS.title), size: PT.二号 * 2 })],
      }),
      ...review(r),
    );
  });
  if (!records.length) body.push(para([run("本规划尚无技术审查记录。")]));
  body.push(
    para(
      [
        run(`本表由平台根据签署记录生成，生成时间：${signedTime(generatedAt)}。签名摘要为 SHA-256（规范化 JSON），可据审查记录复核。`, {
          size: SMALL,
        }),
      ],
      { before: 240 },
    ),
  );
  const doc = new Document({
    title: "专家评审意见表",
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    styles: { default: { document: { run: { font: face(FONTS.body), size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ font: face(FONTS.pageNumber), size: PT.四号 * 2, children: ["— ", PageNumber.CURRENT, " —"] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot carry them
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/\p{Cs}/gu, "");
}
