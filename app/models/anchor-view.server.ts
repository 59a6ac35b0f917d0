// Where a comment's passage is in another revision of its section (anchors follow the text).
import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import { comments, editionSections, editions, organizations, responses, revisions, rounds, sections } from "~db/schema";
import type { TargetYear } from "~db/schema/enums";
import type { TextAnchor } from "../lib/anchoring/anchor";
import { mapAnchor, mapAnchors } from "../lib/anchoring/map-anchor";
import { cellQuote, cellStateOn, type IndicatorRow, valueWithUnit } from "../lib/plan-tables/indicator-table";
import { isoShanghai } from "../lib/time";
import { notFound } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { getEdition } from "./edition.server";
import { getRevision } from "./revision.server";
import { planIdOfSection, seesDrafts } from "./plan-access.server";
import { editionIndicatorTable, workingIndicators } from "./plan-tables.server";

interface AnchoredComment {
  sectionId: string;
  revisionId: string;
  anchor: TextAnchor | null;
}

/** The comment's anchor mapped onto a revision of the same section the caller may read. */
export function anchorAt(ctx: Ctx, comment: AnchoredComment, revisionId: string) {
  const target = getRevision(ctx, revisionId);
  if (target.sectionId !== comment.sectionId) throw notFound();
  if (!comment.anchor) return null;
  if (revisionId === comment.revisionId)
    return { start: comment.anchor.start, end: comment.anchor.end, exact: comment.anchor.exact, state: "intact" as const };
  const original = getRevision(ctx, comment.revisionId);
  return mapAnchor(original.text, target.text, comment.anchor);
}

interface CellComment {
  roundId: string;
  sectionId: string;
  cell: { indicator: string; year: TargetYear } | null;
}

/** The indicator table of the edition a comment was written on. */
function originalTable(ctx: Ctx, roundId: string): IndicatorRow[] {
  const editionId = ctx.db.select({ editionId: rounds.editionId }).from(rounds).where(eq(rounds.id, roundId)).get()?.editionId;
  return editionId ? (editionIndicatorTable(ctx.db, editionId)?.indicators ?? []) : [];
}

/**
 * A cell comment's value on another version of the table: `at` is an edition of the same document (its
 * frozen table), or a revision of the comment's section the caller may read (the newest edition
 * holding it; a working revision that no edition holds: the plan's working values). Answers
 * `{state: intact|changed|orphaned, old, new}`; 404 for anything the caller may not read.
 */
export function cellAt(ctx: Ctx, comment: CellComment, at: string) {
  if (!comment.cell) return null;
  const round = ctx.db.select({ editionId: rounds.editionId }).from(rounds).where(eq(rounds.id, comment.roundId)).get();
  if (!round) throw notFound();
  let table: IndicatorRow[];
  if (ctx.db.select({ id: editions.id }).from(editions).where(eq(editions.id, at)).get()) {
    const target = getEdition(ctx, at);
    const own = getEdition(ctx, round.editionId);
    if (target.documentId !== own.documentId) throw notFound();
    table = target.tables.find((t) => t.kind === "indicators")?.content.indicators ?? [];
  } else {
    const revision = getRevision(ctx, at);
    if (revision.sectionId !== comment.sectionId) throw notFound();
    const holder = ctx.db
      .select({ editionId: editionSections.editionId })
      .from(editionSections)
      .innerJoin(editions, eq(editionSections.editionId, editions.id))
      .where(eq(editionSections.revisionId, at))
      .orderBy(desc(editions.publishedAt))
      .get();
    table = holder
      ? (editionIndicatorTable(ctx.db, holder.editionId)?.indicators ?? [])
      : workingIndicators(ctx.db, planIdOfSection(ctx.db, comment.sectionId)!);
  }
  return {
    indicator: comment.cell.indicator,
    year: comment.cell.year,
    ...cellStateOn(originalTable(ctx, comment.roundId), table, comment.cell.indicator, comment.cell.year),
  };
}

const CONTEXT = 40;

/**
 * For the answer drawer: the passage in the section's working revision with some text around it, and
 * the revisions made since the comment (one of them may carry out the answer).
 */
export function currentWording(ctx: Ctx, comment: AnchoredComment & CellComment & { createdAt: string }) {
  const section = ctx.db
    .select({ currentRevisionId: sections.currentRevisionId })
    .from(sections)
    .where(eq(sections.id, comment.sectionId))
    .get();
  if (!section?.currentRevisionId) throw notFound();
  const current = getRevision(ctx, section.currentRevisionId);
  const since = ctx.db
    .select({ id: revisions.id, note: revisions.note, createdAt: revisions.createdAt })
    .from(revisions)
    .where(and(eq(revisions.sectionId, comment.sectionId), gt(revisions.createdAt, new Date(Date.parse(comment.createdAt)))))
    .orderBy(desc(revisions.createdAt))
    .all()
    .map((r) => ({ id: r.id, note: r.note, createdAt: isoShanghai(r.createdAt) }));
  if (comment.cell) {
    // a cell comment: the cell in the plan's working indicator table (drafters answer against it)
    const working = workingIndicators(ctx.db, planIdOfSection(ctx.db, comment.sectionId)!);
    const at = cellStateOn(originalTable(ctx, comment.roundId), working, comment.cell.indicator, comment.cell.year);
    const row = working.find((r) => r.code === comment.cell!.indicator);
    return {
      state: at.state,
      before: "",
      exact: row ? cellQuote(row, comment.cell.year, at.new) : "",
      after: "",
      revisions: since,
      cell: { old: valueWithUnit(at.old, row?.unit ?? ""), new: valueWithUnit(at.new, row?.unit ?? "") },
    };
  }
  const mapped = anchorAt(ctx, comment, current.id);
  if (!mapped)
    return {
      state: "intact" as const,
      before: "",
      exact: current.text.slice(0, 200),
      after: current.text.length > 200 ? "…" : "",
      revisions: since,
      cell: null,
    };
  return {
    state: mapped.state,
    before: (mapped.start > CONTEXT ? "…" : "") + current.text.slice(Math.max(0, mapped.start - CONTEXT), mapped.start),
    exact: mapped.exact,
    after: current.text.slice(mapped.end, mapped.end + CONTEXT) + (mapped.end + CONTEXT < current.text.length ? "…" : ""),
    revisions: since,
    cell: null,
  };
}

/**
 * Every comment ever made on a section (all rounds), placed on the given revision: the diff is computed
 * once per revision the comments were written on. For those who see whole rounds (drafters, admins, experts).
 */
export function commentsOnRevision(ctx: Ctx, sectionId: string, revisionId: string) {
  if (ctx.user.role !== "expert" && !seesDrafts(ctx, planIdOfSection(ctx.db, sectionId))) return [];
  const target = getRevision(ctx, revisionId);
  const rows = ctx.db
    .select({ c: comments, orgName: organizations.name, decision: responses.decision })
    .from(comments)
    .innerJoin(organizations, eq(comments.organizationId, organizations.id))
    .leftJoin(responses, eq(responses.commentId, comments.id))
    .where(and(eq(comments.sectionId, sectionId), isNull(comments.withdrawnAt)))
    .orderBy(asc(comments.createdAt))
    .all();
  const texts = new Map<string, string>();
  const textOf = (id: string) => {
    if (!texts.has(id))
      texts.set(id, ctx.db.select({ text: revisions.text }).from(revisions).where(eq(revisions.id, id)).get()?.text ?? "");
    return texts.get(id)!;
  };
  const tables = new Map<string, IndicatorRow[]>();
  const cellQuoteOf = (roundId: string, code: string, year: TargetYear) => {
    if (!tables.has(roundId)) tables.set(roundId, originalTable(ctx, roundId));
    const row = tables.get(roundId)!.find((r) => r.code === code);
    return row ? cellQuote(row, year, row.targets[year]) : code;
  };
  const byRevision = new Map<string, typeof rows>();
  for (const r of rows) byRevision.set(r.c.revisionId, [...(byRevision.get(r.c.revisionId) ?? []), r]);
  const out = [];
  for (const [from, group] of byRevision) {
    const anchored = group.filter((g) => g.c.anchorExact !== null);
    const anchors = anchored.map((g) => ({
      exact: g.c.anchorExact!,
      prefix: g.c.anchorPrefix ?? "",
      suffix: g.c.anchorSuffix ?? "",
      start: g.c.anchorStart!,
      end: g.c.anchorEnd!,
    }));
    const mapped =
      from === target.id
        ? anchors.map((a) => ({ start: a.start, end: a.end, exact: a.exact, state: "intact" as const }))
        : mapAnchors(textOf(from), target.text, anchors);
    for (const g of group) {
      const i = anchored.indexOf(g);
      // a comment on a cell of the indicator table is quoted with the cell's words as frozen in its round's edition
      const cell = g.c.cellIndicator && g.c.cellYear ? cellQuoteOf(g.c.roundId, g.c.cellIndicator, g.c.cellYear) : null;
      out.push({
        id: g.c.id,
        roundId: g.c.roundId,
        organization: g.orgName,
        category: g.c.category,
        body: g.c.body,
        quote: g.c.anchorExact ?? cell,
        cell: !!cell,
        decision: g.decision,
        at: i >= 0 ? mapped[i] : null,
      });
    }
  }
  return out.sort((a, b) => (a.at?.start ?? -1) - (b.at?.start ?? -1));
}
