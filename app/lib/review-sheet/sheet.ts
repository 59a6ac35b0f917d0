// The 专家评审意见表 as data: what the sheet shows (the same text is rendered into the .docx and
// compared when a copy comes back to /verify) and the comparison itself. Pure: no db, no docx.
import { canonicalJson } from "../hash/canonical-json";
import { isoShanghai } from "../time";

export const SHEET_PROPERTY = "portal.reviewSheet";
export const CONCLUSION_LABELS: Record<string, string> = { approve: "通过", approve_with_changes: "修改后通过", reject: "不通过" };

export type SheetKey = { algorithm: string; fingerprint: string; jwk: Record<string, string>; revokedAt: string | null };
export type SheetRecord = {
  id: string;
  signerId: string;
  signerName: string;
  conclusion: string;
  opinion: string;
  /** ISO-8601 UTC with milliseconds, as signed */
  signedAt: string;
  signatureHash: string;
  /** null for records signed before browser keys */
  signature: string | null;
  key: SheetKey | null;
  /** computed from the database when the sheet is made or checked; not part of the comparison */
  verifies?: boolean;
};
export type SheetData = {
  version: 1;
  reviewId: string;
  title: string;
  documentTitle: string;
  editionId: string;
  editionLabel: string;
  manifestHash: string;
  manifestSm3: string;
  signoffs: SheetRecord[];
  conclusion: (SheetRecord & { conditions: string[] }) | null;
};

/** The visible text of the review-and-edition table (label → value). */
export function infoRows(d: SheetData): [string, string][] {
  return [
    ["评审名称", d.title],
    ["审查文本", d.documentTitle],
    ["稿次", d.editionLabel],
    ["稿次摘要（SHA-256）", d.manifestHash],
    ["稿次摘要（SM3）", d.manifestSm3],
  ];
}

export const SIGNOFF_HEADER = ["序号", "专家", "结论", "意见", "签署时间", "签名"];

/** "2026-12-02 14:05:09" in Asia/Shanghai. */
export const shownTime = (iso: string) => isoShanghai(Date.parse(iso)).slice(0, 19).replace("T", " ");

export function signatureText(r: SheetRecord): string {
  if (!r.signature || !r.key) return `签名摘要 ${r.signatureHash}`;
  return `${r.key.algorithm} ${r.signature}\n公钥指纹 ${r.key.fingerprint}`;
}

/** The cells of a sign-off's row (the opinion keeps its line breaks, one paragraph each). */
export function signoffCells(r: SheetRecord, index: number): string[] {
  return [
    String(index + 1),
    r.signerName,
    CONCLUSION_LABELS[r.conclusion] ?? r.conclusion,
    r.opinion,
    shownTime(r.signedAt),
    signatureText(r),
  ];
}

/** The panel conclusion table (label → value). */
export function conclusionRows(c: NonNullable<SheetData["conclusion"]>): [string, string][] {
  return [
    ["结论", CONCLUSION_LABELS[c.conclusion] ?? c.conclusion],
    ["意见", c.opinion],
    ["修改条件", c.conditions.length ? c.conditions.map((x, i) => `${i + 1}. ${x}`).join("\n") : "无"],
    ["专家组组长", c.signerName],
    ["签署时间", shownTime(c.signedAt)],
    ["签名", signatureText(c)],
  ];
}

/** Tables read back from word/document.xml: table → row → cell text (paragraphs joined by "\n"). */
export type VisibleTables = string[][][];

export type Reason = { key: "header" | "missing" | "extra" | "data" | "text" | "signature" | "signatureHash"; field?: string };
export type SheetLine = { kind: "header" | "signoff" | "conclusion"; name: string; ok: boolean; reasons: Reason[] };

// Word may add spaces at line ends or turn line breaks into paragraphs; neither changes what is said.
const norm = (s: string) =>
  s
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");

// a key revoked after the export does not make the copy wrong: the revocation is shown, not compared
const comparable = (r: SheetRecord | null) =>
  r ? { ...r, verifies: undefined, key: r.key ? { ...r.key, revokedAt: undefined } : null } : null;
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

function findTable(tables: VisibleTables, firstCell: string) {
  return tables.find((t) => norm(t[0]?.[0] ?? "") === firstCell) ?? null;
}

function rowsMatch(table: string[][] | null, expected: [string, string][], label: (l: string) => string): Reason[] {
  const reasons: Reason[] = [];
  for (const [name, value] of expected) {
    const row = table?.find((r) => norm(r[0] ?? "") === name);
    if (!row || norm(row.slice(1).join("\n")) !== norm(value)) reasons.push({ key: "text", field: label(name) });
  }
  return reasons;
}

const FIELD_OF: Record<string, string> = {
  结论: "conclusion",
  意见: "opinion",
  修改条件: "conditions",
  专家组组长: "name",
  签署时间: "time",
  签名: "signature",
};
const SIGNOFF_FIELDS = ["index", "name", "conclusion", "opinion", "time", "signature"];

/**
 * A returned sheet against the record as the database has it now (`expected`): line by line, whether
 * the embedded data and the visible text both match, and whether each signature verifies.
 */
export function compareSheet(expected: SheetData, embedded: SheetData, visible: VisibleTables): SheetLine[] {
  const lines: SheetLine[] = [];
  const headerKeys = ["reviewId", "title", "documentTitle", "editionId", "editionLabel", "manifestHash", "manifestSm3"] as const;
  const header: Reason[] = headerKeys.some((k) => embedded[k] !== expected[k]) ? [{ key: "header" }] : [];
  header.push(...rowsMatch(findTable(visible, "评审名称"), infoRows(expected), () => "header"));
  lines.push({ kind: "header", name: expected.title, ok: header.length === 0, reasons: dedupe(header) });

  const table = findTable(visible, SIGNOFF_HEADER[0]);
  const bodyRows = table ? table.slice(1) : [];
  expected.signoffs.forEach((r, i) => {
    const reasons: Reason[] = [];
    const inSheet = embedded.signoffs.find((s) => s.id === r.id);
    if (!inSheet) reasons.push({ key: "missing" });
    else if (!same(comparable(inSheet), comparable(r)) || embedded.signoffs.indexOf(inSheet) !== i) reasons.push({ key: "data" });
    const cells = bodyRows[i];
    if (!cells) reasons.push({ key: "missing" });
    else {
      signoffCells(r, i).forEach((w, c) => {
        if (norm(cells[c] ?? "") !== norm(w)) reasons.push({ key: "text", field: SIGNOFF_FIELDS[c] });
      });
    }
    if (r.verifies === false) reasons.push({ key: r.signature ? "signature" : "signatureHash" });
    lines.push({ kind: "signoff", name: r.signerName, ok: reasons.length === 0, reasons: dedupe(reasons) });
  });
  const known = expected.signoffs.length;
  const extra = Math.max(embedded.signoffs.filter((s) => !expected.signoffs.some((r) => r.id === s.id)).length, bodyRows.length - known);
  for (let i = 0; i < extra; i++)
    lines.push({
      kind: "signoff",
      name: embedded.signoffs[known + i]?.signerName ?? bodyRows[known + i]?.[1] ?? "?",
      ok: false,
      reasons: [{ key: "extra" }],
    });

  if (expected.conclusion || embedded.conclusion) {
    const reasons: Reason[] = [];
    if (!expected.conclusion) reasons.push({ key: "extra" });
    else {
      if (!same(comparable(embedded.conclusion), comparable(expected.conclusion))) reasons.push({ key: "data" });
      reasons.push(...rowsMatch(findTable(visible, "结论"), conclusionRows(expected.conclusion), (l) => FIELD_OF[l] ?? l));
      if (expected.conclusion.verifies === false) reasons.push({ key: expected.conclusion.signature ? "signature" : "signatureHash" });
    }
    lines.push({
      kind: "conclusion",
      name: expected.conclusion?.signerName ?? embedded.conclusion?.signerName ?? "",
      ok: reasons.length === 0,
      reasons: dedupe(reasons),
    });
  }
  return lines;
}

const dedupe = (rs: Reason[]) => rs.filter((r, i) => rs.findIndex((x) => x.key === r.key && x.field === r.field) === i);

/** The embedded data, if it has the shape of a sheet. */
export function parseSheetData(text: string | null): SheetData | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text) as SheetData;
    return d && d.version === 1 && typeof d.reviewId === "string" && Array.isArray(d.signoffs) ? d : null;
  } catch {
    return null;
  }
}
