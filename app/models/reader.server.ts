import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { comments, editionSections, revisions } from "~db/schema";
import { byteLru } from "../lib/cache/byte-lru";
import type { PlanContext } from "../lib/plan-context";
import { type Highlight, revisionHtml } from "../lib/editor/render-highlights.server";
import { cellPrompt, isTargetYear } from "../lib/plan-tables/indicator-table";
import { type ReaderPage, pageOf, readerPages } from "../lib/reader/chapters";
import { threadGroup } from "../lib/reader/thread-groups";
import { notFound } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { listComments } from "./comment.server";
import { editionHead } from "./edition.server";
import { earlierRoundComments } from "./earlier-comments.server";
import { planPermissions } from "./plan-access.server";
import { type PageComment, pageComments } from "./reader-marks.server";
import { editionTablesOf } from "./plan-tables.server";
import { getRound } from "./round.server";

/**
 * The reading view, a page at a time (lib/reader/chapters.ts). What an edition is never changes, so its
 * outline and the rendered HTML of its revisions are computed once (byte-bounded caches); what the
 * viewer may see of a round (threads, highlights) is the only work per request.
 */

interface OutlineSection {
  id: string;
  number: string;
  title: string;
  parentId: string | null;
  revisionId: string;
  chars: number;
}
interface Outline {
  sections: OutlineSection[];
  pages: ReaderPage[];
  chars: number;
  bytes: number;
}

/** Outlines of editions (sections, pages): a 300-section edition takes ~60 KB. */
export const outlineCache = byteLru<Outline>(4 * 1024 * 1024, (o) => o.bytes);

export function editionOutline(db: DbOrTx, editionId: string): Outline {
  return outlineCache.get(editionId, () => {
    const sections = db
      .select({
        id: editionSections.sectionId,
        number: editionSections.number,
        title: editionSections.title,
        parentId: editionSections.parentSectionId,
        revisionId: editionSections.revisionId,
        chars: sql<number>`length(${revisions.text})`,
      })
      .from(editionSections)
      .innerJoin(revisions, eq(editionSections.revisionId, revisions.id))
      .where(eq(editionSections.editionId, editionId))
      .orderBy(asc(editionSections.position))
      .all();
    const pages = readerPages(sections);
    return {
      sections,
      pages,
      chars: sections.reduce((n, s) => n + s.chars, 0),
      bytes: JSON.stringify(sections).length * 2 + pages.length * 200,
    };
  });
}

/** Loads the content of these revisions once, on the first cache miss. */
function contentLoader(db: DbOrTx, revisionIds: string[]) {
  let byId: Map<string, unknown> | null = null;
  return (revisionId: string) => () => {
    byId ??= new Map(
      db
        .select({ id: revisions.id, content: revisions.content })
        .from(revisions)
        .where(inArray(revisions.id, revisionIds))
        .all()
        .map((r) => [r.id, r.content]),
    );
    return byId.get(revisionId);
  };
}

type Thread = ReturnType<typeof listComments>[number];
type Marked = Pick<PageComment, "id" | "sectionId" | "category" | "withdrawn"> & { anchor: { start: number; end: number } | null };
const highlightsOf = (marked: Marked[], sectionId: string): Highlight[] =>
  marked
    .filter((c) => c.sectionId === sectionId && c.anchor && !c.withdrawn)
    .map((c) => ({ id: c.id, start: c.anchor!.start, end: c.anchor!.end, className: `cat-${c.category}` }));
/** What a thread shows and the page needs, nothing more: the page's data carries up to hundreds of them. */
const threadView = (t: Thread) => ({
  id: t.id,
  sectionId: t.sectionId,
  sectionNumber: t.sectionNumber,
  sectionTitle: t.sectionTitle,
  anchor: t.anchor && { exact: t.anchor.exact, start: t.anchor.start, end: t.anchor.end },
  cell: t.cell && { indicator: t.cell.indicator, year: t.cell.year, quote: t.cell.quote },
  body: t.body,
  category: t.category,
  proposedText: t.proposedText,
  author: { name: t.author.name },
  organization: { name: t.organization.name },
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
  withdrawn: t.withdrawn,
  canChange: t.canChange,
  replies: t.replies.map((r) => ({
    id: r.id,
    body: r.body,
    createdAt: r.createdAt,
    author: { name: r.author.name, role: r.author.role },
    organization: { name: r.organization.name },
  })),
  response: t.response && { decision: t.response.decision, reason: t.response.reason },
});

/**
 * The query of the reading view: `?round=`, `?chapter=` (a page, named by any of its sections), `?comment=`,
 * `?cell=&year=`, `?threads=` (which group of the page's threads the list shows, from 1: lib/reader/thread-groups.ts).
 */
export function readingQuery(url: URL): ReadingQuery {
  const p = url.searchParams;
  const threads = Number(p.get("threads"));
  return {
    roundId: p.get("round"),
    chapter: p.get("chapter"),
    commentId: p.get("comment"),
    cell: { indicator: p.get("cell"), year: p.get("year") },
    threads: Number.isInteger(threads) && threads > 0 ? threads : null,
  };
}

export interface ReadingQuery {
  chapter?: string | null;
  roundId?: string | null;
  commentId?: string | null;
  cell?: { indicator: string | null; year: string | null };
  threads?: number | null;
}

/**
 * One page of the reading view: the edition's head, the table of contents (every chapter, and the
 * sections of the chapters on this page), this page's sections with their rendered HTML and plan tables,
 * and with `roundId` the threads on them the viewer may see. The page is `chapter` (any section id on
 * it), else the page of `commentId`, else of the indicator cell asked for, else the first.
 */
export function readingView(ctx: Ctx, editionId: string, q: ReadingQuery) {
  const e = editionHead(ctx, editionId);
  const perms = planPermissions(ctx, e.planId);
  const round = q.roundId ? getRound(ctx, q.roundId) : null;
  if (round && round.editionId !== e.id) throw notFound();
  const outline = editionOutline(ctx.db, e.id);
  const allTables = editionTablesOf(ctx.db, e.id);
  const lastSectionId = outline.sections.at(-1)?.id ?? null;
  const indicatorTable = allTables.find((t) => t.kind === "indicators");
  const mySubmission = round?.mine?.submission ?? null;
  const canComment = !!round && round.canComment && round.open && !mySubmission;
  const cellRow =
    indicatorTable?.kind === "indicators" && q.cell
      ? indicatorTable.content.indicators.find((r) => r.code === q.cell!.indicator)
      : undefined;
  const cellYear = q.cell?.year;
  const cellDraft =
    canComment && indicatorTable && cellRow && isTargetYear(cellYear)
      ? {
          sectionId: indicatorTable.sectionId ?? lastSectionId!,
          cell: { indicator: cellRow.code, year: cellYear, prompt: cellPrompt(cellRow, cellYear, cellRow.targets[cellYear]) },
        }
      : null;
  const commentSection =
    !q.chapter && q.commentId && round
      ? ctx.db
          .select({ sectionId: comments.sectionId })
          .from(comments)
          .where(and(eq(comments.id, q.commentId), eq(comments.roundId, round.id)))
          .get()?.sectionId
      : null;
  const index = pageOf(outline.pages, q.chapter ?? commentSection ?? cellDraft?.sectionId ?? null);
  const page = outline.pages[index];
  const onPage = new Set(page?.sectionIds ?? []);
  const sections = outline.sections.filter((s) => onPage.has(s.id));
  // every visible comment of the page for the text (highlights, counts, cells); the listed group's threads in full
  const marked = round
    ? pageComments(
        ctx,
        round.id,
        sections.map((s) => s.id),
        indicatorTable?.kind === "indicators" ? indicatorTable.content.indicators.map((r) => r.code) : [],
      )
    : [];
  const listed = threadGroup(marked, { canComment, group: q.threads, commentId: q.commentId });
  const shownIds = listed.shown.map((c) => c.id);
  const threads = round && shownIds.length ? listComments(ctx, round.id, { ids: shownIds }) : [];
  const load = contentLoader(
    ctx.db,
    sections.map((s) => s.revisionId),
  );
  // comments of rounds on earlier editions, placed on this edition (intact / changed / removed)
  const earlier = earlierRoundComments(ctx, e.id, [...onPage]);
  // the table of contents: every chapter, and the sub-sections of the chapters this page shows
  const chaptersHere = new Set(sections.map((s) => s.parentId ?? s.id));
  const pageIdOf = new Map(outline.pages.flatMap((p) => p.sectionIds.map((id) => [id, p.id] as const)));
  return {
    edition: {
      id: e.id,
      label: e.label,
      changelog: e.changelog,
      manifestHash: e.manifestHash,
      publishedAt: e.publishedAt.toISOString(),
      documentTitle: e.documentTitle,
      planId: e.planId,
      planTitle: e.planTitle,
      sectionCount: outline.sections.length,
      chars: outline.chars,
    },
    toc: outline.sections
      .filter((s) => !s.parentId || chaptersHere.has(s.parentId))
      .map((s) => ({ id: s.id, number: s.number, title: s.title, parentId: s.parentId, pageId: pageIdOf.get(s.id)! })),
    page: {
      id: page?.id ?? null,
      index,
      count: outline.pages.length,
      prevId: outline.pages[index - 1]?.id ?? null,
      nextId: outline.pages[index + 1]?.id ?? null,
    },
    sections: sections.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      parentId: s.parentId,
      revisionId: s.revisionId,
      html: revisionHtml(s.revisionId, round ? highlightsOf(marked, s.id) : [], load(s.revisionId)),
      tables: allTables.filter((t) => (t.sectionId ?? lastSectionId) === s.id),
      earlier: earlier[s.id] ?? [],
    })),
    round: round && {
      id: round.id,
      title: round.title,
      visibility: round.visibility,
      open: round.open,
      closesAt: round.closesAt,
      daysLeft: round.daysLeft,
      submitted: !!mySubmission,
    },
    threads: threads.map(threadView),
    threadWindow: listed.window,
    /** every thread of the page, not only those listed: per section the count and the first one, the commented cells */
    threadsBySection: listed.sections,
    cellThreads: listed.cells,
    canComment,
    cellDraft,
    seesAll: perms.seesDrafts || ctx.user.role === "expert",
    canReply: !!round && round.open,
    canOpenRound: perms.draft,
    hasIndicators: !!indicatorTable,
  };
}

export type ReadingView = ReturnType<typeof readingView>;
/** The reading view's page data as the route and the page resource route answer it. */
export type ReaderData = ReadingView & { planContext: PlanContext };

/**
 * One section of a round after a comment or reply: its HTML with the highlights the viewer may see and
 * its threads. What the reading view refreshes instead of reloading the page.
 */
export function sectionThreads(ctx: Ctx, editionId: string, roundId: string, sectionId: string) {
  const e = editionHead(ctx, editionId);
  const round = getRound(ctx, roundId);
  if (round.editionId !== e.id) throw notFound();
  const section = editionOutline(ctx.db, e.id).sections.find((s) => s.id === sectionId);
  if (!section) throw notFound();
  const threads = listComments(ctx, round.id, { sectionId });
  return {
    sectionId,
    html: revisionHtml(
      section.revisionId,
      highlightsOf(threads, sectionId),
      contentLoader(ctx.db, [section.revisionId])(section.revisionId),
    ),
    threads: threads.map(threadView),
  };
}

/** The section a comment of this round is on (after a post, to refresh that section). */
export function sectionOfComment(ctx: Ctx, commentId: string) {
  return ctx.db.select({ sectionId: comments.sectionId }).from(comments).where(eq(comments.id, commentId)).get()?.sectionId ?? null;
}

/** The whole edition's text for print (全文): every section's HTML, no comments. */
export function fullText(ctx: Ctx, editionId: string) {
  const e = editionHead(ctx, editionId);
  const outline = editionOutline(ctx.db, e.id);
  const load = contentLoader(
    ctx.db,
    outline.sections.map((s) => s.revisionId),
  );
  const tables = editionTablesOf(ctx.db, e.id);
  const lastSectionId = outline.sections.at(-1)?.id ?? null;
  return {
    edition: {
      id: e.id,
      label: e.label,
      manifestHash: e.manifestHash,
      publishedAt: e.publishedAt.toISOString(),
      documentTitle: e.documentTitle,
      planId: e.planId,
      planTitle: e.planTitle,
    },
    sections: outline.sections.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      parentId: s.parentId,
      html: revisionHtml(s.revisionId, [], load(s.revisionId)),
      tables: tables.filter((t) => (t.sectionId ?? lastSectionId) === s.id),
    })),
  };
}
