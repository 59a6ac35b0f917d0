// The 意见采纳情况表 as plain rows: one per comment, in reading order. Pure; the CSV, XLSX and DOCX
// writers beside this file only lay these rows out.
import { formatDate, shanghaiDate } from "~/lib/time";

export type Decision = "adopted" | "partially_adopted" | "not_adopted" | "noted";
export type Category = "revise" | "add" | "delete" | "question" | "other";

export type AdoptionComment = {
  organizationName: string;
  organizationOrder: number;
  sectionNumber: string;
  sectionTitle: string;
  sectionPosition: number;
  anchorStart: number | null;
  exact: string | null;
  category: Category;
  body: string;
  proposedText: string | null;
  createdAt: string;
  decision: Decision | null;
  reason: string | null;
  /** the label of the newest edition, when the passage commented on is gone there (“原文已删除”) */
  removedIn?: string | null;
  /** the revision the answer names as carrying it out */
  revision?: { id: string; date: string } | null;
  /** the group of similar comments answered together, if any */
  groupId?: string | null;
};

export type AdoptionInput = {
  roundTitle: string;
  planTitle: string;
  documentTitle: string;
  editionLabel: string;
  manifestHash: string;
  /** ISO-8601 with +08:00 */
  generatedAt: string;
  /** the audit chain's head when the table was made */
  auditHead?: { events: number; sha256: string };
  comments: AdoptionComment[];
};

export type AdoptionRow = {
  number: number;
  organization: string;
  section: string;
  original: string;
  comment: string;
  decision: string;
  reason: string;
};

export type AdoptionSummary = { counts: Record<DecisionLabel, number>; total: number };

export const CATEGORY_LABELS: Record<Category, string> = { revise: "修改", add: "补充", delete: "删除", question: "疑问", other: "其他" };
export const DECISION_LABELS = { adopted: "采纳", partially_adopted: "部分采纳", not_adopted: "不采纳", noted: "说明" } as const;
export const PENDING = "待答复";
export type DecisionLabel = (typeof DECISION_LABELS)[Decision] | typeof PENDING;
/** In the order the summary lists them. */
export const DECISION_ORDER: DecisionLabel[] = ["采纳", "部分采纳", "不采纳", "说明", PENDING];
export const WHOLE_SECTION = "（针对本章节整体）";

/** The table's columns: header and width in Excel character units (the DOCX scales these too). */
export const COLUMNS: { key: keyof AdoptionRow; header: string; width: number }[] = [
  { key: "number", header: "序号", width: 6 },
  { key: "organization", header: "提出单位", width: 16 },
  { key: "section", header: "章节", width: 18 },
  { key: "original", header: "原文", width: 40 },
  { key: "comment", header: "意见", width: 48 },
  { key: "decision", header: "采纳情况", width: 10 },
  { key: "reason", header: "理由", width: 40 },
];

export function adoptionTableRows(input: AdoptionInput): AdoptionRow[] {
  const sorted = [...input.comments].sort(compare);
  const marks = groupMarks(sorted);
  return sorted.map((c, i) => ({
    number: i + 1,
    organization: clean(c.organizationName),
    section: sectionLabel(c.sectionNumber, c.sectionTitle),
    original: (c.exact?.trim() ? clean(c.exact) : WHOLE_SECTION) + (c.removedIn ? `\n${removedMark(c.removedIn)}` : ""),
    comment: clean(
      `【${CATEGORY_LABELS[c.category]}】${c.body.trim()}${c.proposedText?.trim() ? `\n建议修改为：${c.proposedText.trim()}` : ""}`,
    ),
    decision: c.decision ? DECISION_LABELS[c.decision] : PENDING,
    reason: clean([c.reason?.trim() ?? "", c.revision ? revisionRef(c.revision) : "", marks[i] ?? ""].filter(Boolean).join("\n")),
  }));
}

/** The marked line under 原文 when the passage is gone in a later edition: “【原文已删除（送审稿）】”. */
export function removedMark(editionLabel: string): string {
  return `【原文已删除（${editionLabel}）】`;
}

/** The revision that carried out an answer, after the reason: “见修订 rev_1bjmjnz3（2026-11-05）”. */
export function revisionRef(revision: { id: string; date: string }): string {
  return `见修订 ${revision.id.slice(0, 12)}（${revision.date}）`;
}

/**
 * Comments answered with a group keep their own rows; each row of a group of two or more says so,
 * naming all the group's rows, the same words on each: "（第 3、5、9 条合并答复）".
 */
function groupMarks(sorted: AdoptionComment[]): (string | null)[] {
  const rowsOf = new Map<string, number[]>();
  sorted.forEach((c, i) => {
    if (c.groupId) rowsOf.set(c.groupId, [...(rowsOf.get(c.groupId) ?? []), i + 1]);
  });
  return sorted.map((c) => {
    const rows = c.groupId ? rowsOf.get(c.groupId)! : [];
    return rows.length > 1 ? `（第 ${rows.join("、")} 条合并答复）` : null;
  });
}

export function adoptionSummary(rows: AdoptionRow[]): AdoptionSummary {
  const counts = Object.fromEntries(DECISION_ORDER.map((d) => [d, 0])) as Record<DecisionLabel, number>;
  for (const row of rows) if (row.decision in counts) counts[row.decision as DecisionLabel]++;
  return { counts, total: rows.length };
}

/** "共 5 条：采纳 2 条，部分采纳 1 条，…" */
export function summaryText(summary: AdoptionSummary): string {
  return `共 ${summary.total} 条：${DECISION_ORDER.map((d) => `${d} ${summary.counts[d]} 条`).join("，")}`;
}

/** "《规划》规划文本（征求意见稿）意见采纳情况表" */
export function adoptionTitle(input: AdoptionInput): string {
  return clean(`《${input.planTitle}》${input.documentTitle}（${input.editionLabel}）意见采纳情况表`);
}

/** Round, time of generation, the edition hash the table was made from, and the audit head then. */
export function adoptionSubtitle(input: AdoptionInput): string {
  const head = input.auditHead ? `　　审计链：${input.auditHead.events} 条，SHA-256 ${input.auditHead.sha256}` : "";
  return clean(`${input.roundTitle}　　生成时间：${shanghaiTime(input.generatedAt)}　　稿次摘要：${input.manifestHash}${head}`);
}

/** Whole-section comments (no anchor) first, then by passage, organisation, time. */
function compare(a: AdoptionComment, b: AdoptionComment): number {
  return (
    a.sectionPosition - b.sectionPosition ||
    (a.anchorStart ?? -1) - (b.anchorStart ?? -1) ||
    a.organizationOrder - b.organizationOrder ||
    Date.parse(a.createdAt) - Date.parse(b.createdAt)
  );
}

/** "第二节" + "规划指标" → "第二节 规划指标"; "一、" needs no space. */
function sectionLabel(number: string, title: string): string {
  const n = number.trim();
  const t = title.trim();
  if (!n) return clean(t);
  return clean(/[、．.）)]$/.test(n) ? `${n}${t}` : `${n} ${t}`);
}

/** 2025-10-20T18:05:00+08:00 → 2025年10月20日 18:05 (Shanghai wall clock). */
function shanghaiTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const hhmm = new Date(t + 8 * 3_600_000).toISOString().slice(11, 16);
  return `${formatDate(shanghaiDate(t), "zh")} ${hhmm}`;
}

/** One line ending (LF) and no characters XML 1.0 cannot carry, so every format can hold the text. */
function clean(text: string): string {
  return (
    text
      .replace(/\r\n?/g, "\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/\p{Cs}/gu, "")
  );
}
