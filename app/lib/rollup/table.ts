// The roll-up of all plans as a table: its row shape, what needs attention, sorting, filtering and
// the summary line. Pure: app/models/rollup.server.ts computes the rows, the page and the .xlsx lay them out.
import { type StageKey, stageKeys } from "~db/schema/enums";
import { daysOverdue, progressRank } from "./deadline";

export type ReviewStatus = "open" | "quorum_reached" | "concluded";
export type Conclusion = "approve" | "approve_with_changes" | "reject";

export interface OpenRound {
  id: string;
  title: string;
  closesAt: string; // ISO-8601 +08:00
  invited: number;
  replied: number;
}

/** One plan in the roll-up: GET /api/v1/rollup (docs/API.md) plus a few fields the page needs. */
export interface RollupRow {
  planId: string;
  title: string;
  level: "city" | "county";
  region: string;
  parentPlanId: string | null;
  stage: StageKey;
  /** the stage whose deadline dueOn is (the plan's stage; `filing` once approved) */
  dueStage: StageKey;
  dueOn: string | null;
  daysLeft: number | null;
  overdue: boolean;
  comments: { total: number; unanswered: number };
  review: { id: string; title: string; status: ReviewStatus; conclusion: Conclusion | null; signed: number; quorum: number } | null;
  approval: { requestedAt: string; approvedOn: string | null; documentNumber: string | null } | null;
  filing: { filedOn: string } | null;
  indicatorMismatches: number;
  projects: { candidate: number; included: number; excluded: number };
  openRounds: OpenRound[];
  /** the newest round with unanswered comments, else the newest round; null without rounds */
  commentsRoundId: string | null;
  attention: Attention[];
}

export const DUE_SOON_DAYS = 7;

export const attentionKinds = ["overdue", "dueSoon", "unanswered", "mismatch", "reviewRejected", "awaitingFiling"] as const;
export type Attention = (typeof attentionKinds)[number];

/** Why a plan needs someone to act: late, due within a week, answers owed, targets that do not add up … */
export function attentionOf(row: Omit<RollupRow, "attention">): Attention[] {
  const out: Attention[] = [];
  const filed = !!row.filing;
  if (row.overdue) out.push("overdue");
  else if (!filed && row.daysLeft !== null && row.daysLeft <= DUE_SOON_DAYS) out.push("dueSoon");
  // answers are owed once no round of the plan is open any more
  if (row.comments.unanswered > 0 && row.openRounds.length === 0) out.push("unanswered");
  if (row.indicatorMismatches > 0) out.push("mismatch");
  if (row.review?.conclusion === "reject") out.push("reviewRejected");
  if (row.approval?.approvedOn && !filed) out.push("awaitingFiling");
  return out;
}

// ---- sorting ----

export const sortKeys = [
  "plan",
  "stage",
  "deadline",
  "rounds",
  "comments",
  "review",
  "approval",
  "filing",
  "indicators",
  "projects",
] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDir = "asc" | "desc";

type Key = number | string | null;
const reviewRank: Record<ReviewStatus, number> = { open: 0, quorum_reached: 1, concluded: 2 };
const conclusionRank: Record<Conclusion, number> = { reject: 0, approve_with_changes: 1, approve: 2 };

/** What each column sorts by (several keys: the next breaks ties); null sorts last either way. */
const sortValues: Record<Exclude<SortKey, "plan">, (r: RollupRow) => Key[]> = {
  stage: (r) => [progressRank({ stage: r.stage, approvalRequested: !!r.approval, approved: !!r.approval?.approvedOn, filed: !!r.filing })],
  // a filed plan has no deadline left
  deadline: (r) => [r.filing ? null : r.daysLeft],
  rounds: (r) => [
    r.openRounds.length || null,
    r.openRounds.length ? r.openRounds.reduce((n, o) => n + (o.invited ? o.replied / o.invited : 0), 0) / r.openRounds.length : null,
  ],
  comments: (r) => [r.comments.unanswered, r.comments.total],
  review: (r) => [r.review ? reviewRank[r.review.status] : null, r.review?.conclusion ? conclusionRank[r.review.conclusion] : null],
  approval: (r) => [r.approval?.requestedAt ?? null, r.approval?.approvedOn ?? null],
  filing: (r) => [r.filing?.filedOn ?? null],
  indicators: (r) => [r.indicatorMismatches],
  projects: (r) => [r.projects.included, r.projects.candidate + r.projects.included + r.projects.excluded],
};

function compareKeys(a: Key[], b: Key[], dir: SortDir): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const c = x < y ? -1 : 1;
    return dir === "asc" ? c : -c;
  }
  return 0;
}

/**
 * Rows sorted by a column; `rows` come in the plans' own order (city first, then the counties), which
 * breaks every tie and is what "plan" sorts by.
 */
export function sortRows(rows: readonly RollupRow[], sort: SortKey, dir: SortDir): RollupRow[] {
  const indexed = rows.map((row, i) => ({ row, i }));
  indexed.sort((a, b) => {
    if (sort === "plan") return dir === "asc" ? a.i - b.i : b.i - a.i;
    return compareKeys(sortValues[sort](a.row), sortValues[sort](b.row), dir) || a.i - b.i;
  });
  return indexed.map((x) => x.row);
}

// ---- the query: sort, direction and filters from the page's URL ----

export interface RollupQuery {
  sort: SortKey;
  dir: SortDir;
  level: "city" | "county" | null;
  stage: StageKey | null;
  overdue: boolean;
  attention: boolean;
}

export const defaultQuery: RollupQuery = { sort: "plan", dir: "asc", level: null, stage: null, overdue: false, attention: false };

const pick = <T extends string>(allowed: readonly T[], v: string | null): T | null =>
  v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : null;
const flag = (v: string | null) => v === "1" || v === "on" || v === "true";

/** Unknown or missing values fall back to the defaults: a hand-edited URL never fails. */
export function parseRollupQuery(params: URLSearchParams): RollupQuery {
  return {
    sort: pick(sortKeys, params.get("sort")) ?? defaultQuery.sort,
    dir: pick(["asc", "desc"] as const, params.get("dir")) ?? defaultQuery.dir,
    level: pick(["city", "county"] as const, params.get("level")),
    stage: pick(stageKeys, params.get("stage")),
    overdue: flag(params.get("overdue")),
    attention: flag(params.get("attention")),
  };
}

/** The query string of a query (defaults left out), e.g. for the sort links and the export. */
export function queryString(q: RollupQuery): string {
  const p = new URLSearchParams();
  if (q.sort !== defaultQuery.sort) p.set("sort", q.sort);
  if (q.dir !== defaultQuery.dir) p.set("dir", q.dir);
  if (q.level) p.set("level", q.level);
  if (q.stage) p.set("stage", q.stage);
  if (q.overdue) p.set("overdue", "1");
  if (q.attention) p.set("attention", "1");
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The link of a column header: sort by it ascending, or flip the direction when it already sorts. */
export function sortLink(q: RollupQuery, sort: SortKey): string {
  const dir: SortDir = q.sort === sort && q.dir === "asc" ? "desc" : "asc";
  return queryString({ ...q, sort, dir });
}

export function filterRows(rows: readonly RollupRow[], q: RollupQuery): RollupRow[] {
  return rows.filter(
    (r) =>
      (!q.level || r.level === q.level) &&
      (!q.stage || r.stage === q.stage) &&
      (!q.overdue || r.overdue) &&
      (!q.attention || r.attention.length > 0),
  );
}

/** Filtered, then sorted. */
export function applyQuery(rows: readonly RollupRow[], q: RollupQuery): RollupRow[] {
  return sortRows(filterRows(rows, q), q.sort, q.dir);
}

// ---- the summary line ----

export interface RollupSummary {
  plans: number;
  overdue: number;
  /** the days the latest plan is late */
  maxDaysOverdue: number;
  consulting: number; // a round open
  inReview: number; // the latest review not concluded
  requested: number; // approval requested, not approved
  awaitingFiling: number; // approved, not filed
  filed: number;
  unanswered: number; // comments without an answer, all plans
  mismatches: number; // indicator roll-up failures
  attention: number;
}

export function rollupSummary(rows: readonly RollupRow[]): RollupSummary {
  const count = (f: (r: RollupRow) => boolean) => rows.filter(f).length;
  return {
    plans: rows.length,
    overdue: count((r) => r.overdue),
    maxDaysOverdue: Math.max(0, ...rows.map((r) => daysOverdue(r))),
    consulting: count((r) => r.openRounds.length > 0),
    inReview: count((r) => !!r.review && r.review.status !== "concluded"),
    requested: count((r) => !!r.approval && !r.approval.approvedOn),
    awaitingFiling: count((r) => !!r.approval?.approvedOn && !r.filing),
    filed: count((r) => !!r.filing),
    unanswered: rows.reduce((n, r) => n + r.comments.unanswered, 0),
    mismatches: rows.reduce((n, r) => n + r.indicatorMismatches, 0),
    attention: count((r) => r.attention.length > 0),
  };
}

/** Replied / invited over the plan's open rounds, e.g. "12/20". */
export const coverageText = (o: Pick<OpenRound, "invited" | "replied">) => `${o.replied}/${o.invited}`;
