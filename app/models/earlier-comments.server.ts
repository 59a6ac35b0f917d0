// Comments of earlier rounds placed on a later edition (intact / changed / removed), the comments whose
// passage is gone in the newest edition, and the revision that carried out an answer. One word diff
// per pair of revisions; the same visibility rules as the rounds themselves (lib/comment-visibility).
import { and, asc, eq, inArray, isNull, lt } from "drizzle-orm";
import { comments, editionSections, editions, organizations, responses, revisions, rounds } from "~db/schema";
import type { TargetYear } from "~db/schema/enums";
import type { TextAnchor } from "../lib/anchoring/anchor";
import { allHunks, hunkAt } from "../lib/anchoring/hunk";
import { type AnchorState, mapAnchor, mapAnchors } from "../lib/anchoring/map-anchor";
import { type DiffOp, diffTexts } from "../lib/diff/text-diff";
import { cellQuote, cellStateOn, type IndicatorRow, valueWithUnit } from "../lib/plan-tables/indicator-table";
import { isoShanghai } from "../lib/time";
import { DomainError, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { visibleCommentsWhere } from "./comment.server";
import { editionIndicatorTable } from "./plan-tables.server";
import { getRevision } from "./revision.server";
import { loadRound } from "./round.server";

type CommentRow = typeof comments.$inferSelect;

/** A comment of an earlier round as it stands on a later edition. */
export interface PlacedComment {
  id: string;
  roundId: string;
  roundTitle: string;
  /** the edition the comment was written on */
  editionLabel: string;
  sectionId: string;
  organization: string;
  category: CommentRow["category"];
  body: string;
  /** the words commented on, as they stood then (a cell: “森林覆盖率（2030年）：20.9%”) */
  quote: string | null;
  /** intact, changed or orphaned (removed); a comment on the whole section is intact while the section stands */
  state: AnchorState;
  /** the wording now ("" when removed); a cell: its value now */
  now: string;
  /** where the passage starts on the later text (for ordering) */
  at: number;
  /** the diff that changed or removed the passage (null when intact, or the section itself is gone) */
  hunk: DiffOp[] | null;
  decision: (typeof responses.$inferSelect)["decision"] | null;
  reason: string | null;
  /** the revision named in the answer as carrying it out */
  revision: { id: string; createdAt: string; note: string } | null;
}

const anchorOf = (c: CommentRow): TextAnchor | null =>
  c.anchorExact === null
    ? null
    : { exact: c.anchorExact, prefix: c.anchorPrefix ?? "", suffix: c.anchorSuffix ?? "", start: c.anchorStart!, end: c.anchorEnd! };

/** The visible, not withdrawn comments of some rounds (on some sections), with their round's edition. */
function visibleComments(ctx: Ctx, roundIds: string[], sectionIds?: string[]) {
  const rows: { c: CommentRow; orgName: string; roundTitle: string; editionId: string; editionLabel: string }[] = [];
  for (const roundId of roundIds) {
    let r: ReturnType<typeof loadRound>;
    try {
      r = loadRound(ctx, roundId);
    } catch (e) {
      if (e instanceof DomainError && e.code === "not_found") continue; // a round the caller is not invited to
      throw e;
    }
    // visibility in the query: the same rule as the round's own comment list
    const where = and(
      eq(comments.roundId, roundId),
      sectionIds ? inArray(comments.sectionId, sectionIds) : undefined,
      isNull(comments.withdrawnAt),
      visibleCommentsWhere(r),
    );
    for (const x of ctx.db
      .select({ c: comments, orgName: organizations.name })
      .from(comments)
      .innerJoin(organizations, eq(comments.organizationId, organizations.id))
      .where(where)
      .orderBy(asc(comments.createdAt))
      .all()) {
      rows.push({ ...x, roundTitle: r.round.title, editionId: r.round.editionId, editionLabel: r.editionLabel });
    }
  }
  return rows;
}

/** The answers to some comments, with the revision each names (when the caller may read it). */
function answersOf(ctx: Ctx, commentIds: string[]) {
  const out = new Map<
    string,
    { decision: (typeof responses.$inferSelect)["decision"]; reason: string; revision: PlacedComment["revision"] }
  >();
  if (!commentIds.length) return out;
  for (const r of ctx.db.select().from(responses).where(inArray(responses.commentId, commentIds)).all()) {
    let revision: PlacedComment["revision"] = null;
    if (r.revisionId) {
      try {
        const rev = getRevision(ctx, r.revisionId);
        revision = { id: rev.id, createdAt: isoShanghai(rev.createdAt), note: rev.note };
      } catch (e) {
        if (!(e instanceof DomainError && e.code === "not_found")) throw e; // a working revision a reviewer may not read
      }
    }
    out.set(r.commentId, { decision: r.decision, reason: r.reason, revision });
  }
  return out;
}

/**
 * Places comment rows on target texts (sectionId → the later revision, or absent when the section is
 * gone): one diff per (written-on revision, target revision) pair, shared by every comment on it.
 */
function place(
  ctx: Ctx,
  rows: ReturnType<typeof visibleComments>,
  targets: Map<string, { revisionId: string; text: string }>,
  targetTable: IndicatorRow[],
): PlacedComment[] {
  const texts = new Map<string, string>();
  const textOf = (id: string) => {
    if (!texts.has(id))
      texts.set(id, ctx.db.select({ text: revisions.text }).from(revisions).where(eq(revisions.id, id)).get()?.text ?? "");
    return texts.get(id)!;
  };
  const tables = new Map<string, IndicatorRow[]>();
  const tableOf = (editionId: string) => {
    if (!tables.has(editionId)) tables.set(editionId, editionIndicatorTable(ctx.db, editionId)?.indicators ?? []);
    return tables.get(editionId)!;
  };
  const answers = answersOf(
    ctx,
    rows.map((r) => r.c.id),
  );
  const pairs = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.c.revisionId}>${targets.get(r.c.sectionId)?.revisionId ?? ""}`;
    const group = pairs.get(key);
    if (group) group.push(r);
    else pairs.set(key, [r]);
  }
  const out: PlacedComment[] = [];
  for (const group of pairs.values()) {
    const from = group[0].c.revisionId;
    const target = targets.get(group[0].c.sectionId);
    const oldText = textOf(from);
    const ops = target && target.revisionId !== from ? diffTexts(oldText, target.text) : null;
    const anchored = group.filter((g) => g.c.anchorExact !== null);
    const mapped = target
      ? mapAnchors(
          oldText,
          target.text,
          anchored.map((g) => anchorOf(g.c)!),
          ops ?? undefined,
        )
      : [];
    for (const g of group) {
      const { c } = g;
      const answer = answers.get(c.id);
      const base = {
        id: c.id,
        roundId: c.roundId,
        roundTitle: g.roundTitle,
        editionLabel: g.editionLabel,
        sectionId: c.sectionId,
        organization: g.orgName,
        category: c.category,
        body: c.body,
        decision: answer?.decision ?? null,
        reason: answer?.reason ?? null,
        revision: answer?.revision ?? null,
      };
      const anchor = anchorOf(c);
      if (c.cellIndicator && c.cellYear) {
        const year = c.cellYear as TargetYear;
        const original = tableOf(g.editionId);
        const row = original.find((x) => x.code === c.cellIndicator);
        const at = cellStateOn(original, targetTable, c.cellIndicator, year);
        const unit = row?.unit ?? "";
        out.push({
          ...base,
          quote: row ? cellQuote(row, year, at.old) : c.cellIndicator,
          state: at.state,
          now: at.state === "orphaned" ? "" : valueWithUnit(at.new, unit),
          at: Number.MAX_SAFE_INTEGER,
          hunk: null,
        });
      } else if (!target) {
        out.push({ ...base, quote: anchor?.exact ?? null, state: "orphaned", now: "", at: 0, hunk: null });
      } else if (!anchor) {
        out.push({ ...base, quote: null, state: "intact", now: "", at: -1, hunk: null });
      } else {
        const m = mapped[anchored.indexOf(g)];
        const hunk = m.state === "intact" || !ops ? null : hunkAt(ops, anchor.start, anchor.end);
        out.push({ ...base, quote: anchor.exact, state: m.state, now: m.exact, at: m.start, hunk });
      }
    }
  }
  return out;
}

/** Rounds held on editions of the document published before the given moment, oldest first. */
function roundsBefore(ctx: Ctx, documentId: string, before: Date) {
  return ctx.db
    .select({ id: rounds.id })
    .from(rounds)
    .innerJoin(editions, eq(rounds.editionId, editions.id))
    .where(and(eq(editions.documentId, documentId), lt(editions.publishedAt, before)))
    .orderBy(asc(editions.publishedAt), asc(rounds.createdAt))
    .all()
    .map((r) => r.id);
}

/**
 * For the reading view of an edition: the comments of rounds on EARLIER editions of the same document
 * that the caller may see, placed on this edition's revision of each of the given sections
 * (sectionId → items in text order). Reviewers see their own organisation's comments of private rounds.
 */
export function earlierRoundComments(ctx: Ctx, editionId: string, sectionIds: string[]): Record<string, PlacedComment[]> {
  if (!can(ctx.user, "read:edition:any")) throw notFound();
  const edition = ctx.db
    .select({ documentId: editions.documentId, publishedAt: editions.publishedAt })
    .from(editions)
    .where(eq(editions.id, editionId))
    .get();
  if (!edition) throw notFound();
  const out: Record<string, PlacedComment[]> = Object.fromEntries(sectionIds.map((id) => [id, []]));
  if (!sectionIds.length) return out;
  const roundIds = roundsBefore(ctx, edition.documentId, edition.publishedAt);
  if (!roundIds.length) return out;
  const entries = ctx.db
    .select({ sectionId: editionSections.sectionId, revisionId: editionSections.revisionId, text: revisions.text })
    .from(editionSections)
    .innerJoin(revisions, eq(editionSections.revisionId, revisions.id))
    .where(and(eq(editionSections.editionId, editionId), inArray(editionSections.sectionId, sectionIds)))
    .all();
  const targets = new Map(entries.map((e) => [e.sectionId, e]));
  const rows = visibleComments(
    ctx,
    roundIds,
    entries.map((e) => e.sectionId),
  );
  for (const p of place(ctx, rows, targets, editionIndicatorTable(ctx.db, editionId)?.indicators ?? [])) out[p.sectionId]?.push(p);
  for (const list of Object.values(out)) list.sort((a, b) => a.at - b.at);
  return out;
}

/**
 * For a round: its comments whose passage is gone in the newest edition of the document (removed
 * passages, removed sections, removed indicator cells), each with the old passage, the diff hunk that
 * removed it and the answer. `edition` is null while no later edition exists.
 */
export function orphanedComments(ctx: Ctx, roundId: string) {
  const r = loadRound(ctx, roundId);
  const newest = ctx.db
    .select({ id: editions.id, label: editions.label, publishedAt: editions.publishedAt })
    .from(editions)
    .where(eq(editions.documentId, r.documentId))
    .orderBy(asc(editions.publishedAt))
    .all()
    .at(-1);
  const own = ctx.db.select({ publishedAt: editions.publishedAt }).from(editions).where(eq(editions.id, r.round.editionId)).get()!;
  const round = {
    id: r.round.id,
    title: r.round.title,
    editionId: r.round.editionId,
    editionLabel: r.editionLabel,
    documentTitle: r.documentTitle,
  };
  if (!newest || newest.publishedAt <= own.publishedAt) return { round, edition: null, items: [] };
  const rows = visibleComments(ctx, [roundId]);
  const entries = ctx.db
    .select({
      sectionId: editionSections.sectionId,
      revisionId: editionSections.revisionId,
      text: revisions.text,
      number: editionSections.number,
      title: editionSections.title,
    })
    .from(editionSections)
    .innerJoin(revisions, eq(editionSections.revisionId, revisions.id))
    .where(eq(editionSections.editionId, newest.id))
    .all();
  const items = place(
    ctx,
    rows,
    new Map(entries.map((e) => [e.sectionId, e])),
    editionIndicatorTable(ctx.db, newest.id)?.indicators ?? [],
  ).filter((p) => p.state === "orphaned");
  const titles = new Map(
    ctx.db
      .select({
        sectionId: editionSections.sectionId,
        number: editionSections.number,
        title: editionSections.title,
        position: editionSections.position,
      })
      .from(editionSections)
      .where(eq(editionSections.editionId, r.round.editionId))
      .all()
      .map((s) => [s.sectionId, s]),
  );
  return {
    round,
    edition: { id: newest.id, label: newest.label },
    items: items
      .map((p) => ({
        ...p,
        sectionNumber: titles.get(p.sectionId)?.number ?? "",
        sectionTitle: titles.get(p.sectionId)?.title ?? "",
        sectionGone: !entries.some((e) => e.sectionId === p.sectionId),
      }))
      .sort((a, b) => (titles.get(a.sectionId)?.position ?? 0) - (titles.get(b.sectionId)?.position ?? 0)),
  };
}

/**
 * The change a revision named in an answer made at the comment's passage: the hunks of its diff from
 * the revision before it (at the passage when it touched it, else its first changes). Null when the
 * answer names no revision or the caller may not read it.
 */
export function answerChange(
  ctx: Ctx,
  comment: { sectionId: string; revisionId: string; anchor: TextAnchor | null; response: { revisionId: string | null } | null },
) {
  const revisionId = comment.response?.revisionId;
  if (!revisionId) return null;
  let rev: ReturnType<typeof getRevision>;
  let parentText = "";
  try {
    rev = getRevision(ctx, revisionId);
    if (rev.parentRevisionId) parentText = getRevision(ctx, rev.parentRevisionId).text;
  } catch (e) {
    if (e instanceof DomainError && e.code === "not_found") return null;
    throw e;
  }
  if (rev.sectionId !== comment.sectionId) return null;
  const ops = diffTexts(parentText, rev.text);
  let hunks: DiffOp[][] = [];
  if (comment.anchor && rev.parentRevisionId) {
    const written = ctx.db.select({ text: revisions.text }).from(revisions).where(eq(revisions.id, comment.revisionId)).get()?.text ?? "";
    const before = mapAnchor(written, parentText, comment.anchor);
    const at = hunkAt(ops, before.start, before.end);
    if (at) hunks = [at];
  }
  if (!hunks.length) hunks = allHunks(ops);
  return { revision: { id: rev.id, createdAt: isoShanghai(rev.createdAt), note: rev.note }, hunks };
}

/** answerChange for each comment that names a revision (for the diff page). */
export function answerChanges(ctx: Ctx, list: (Parameters<typeof answerChange>[1] & { id: string })[]) {
  const out: Record<string, NonNullable<ReturnType<typeof answerChange>>> = {};
  for (const c of list) {
    const change = answerChange(ctx, c);
    if (change) out[c.id] = change;
  }
  return out;
}
