// Search over section text, comments and replies, with the visibility rules of everywhere else:
// published text for readers, working drafts for those who see a plan's drafts (lib/plan-access), and
// comments as lib/comment-visibility lets the caller see them. Visibility is a condition of the SQL:
// of the ranked hits before the limit, and again of the rows the results are made from (never a filter
// in JavaScript after fetching; docs/decisions/0008-visibility-in-queries.md).
// The index (migration 0004) and its design: docs/decisions/0006-search.md.
import { and, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { z } from "zod";
import {
  comments,
  documents,
  editionSections,
  editions,
  organizations,
  plans,
  replies,
  revisions,
  roundInvitations,
  rounds,
  sections,
} from "~db/schema";
import { canSeeRound, seesWholeRound } from "../lib/comment-visibility";
import { seesPlanDrafts } from "../lib/plan-access";
import { normalizeQuery, planQuery } from "../lib/search/query";
import { makeSnippet, type Snippet } from "../lib/search/snippet";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { listPlans } from "./plan.server";
import { viewerOf } from "./round.server";

export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 50;

export const searchInput = z.object({
  q: z.string().max(1000, "validation.tooLong|1000").default(""),
  planId: z
    .string()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
  limit: z.coerce.number().int().min(1).max(SEARCH_MAX_LIMIT).catch(SEARCH_DEFAULT_LIMIT).default(SEARCH_DEFAULT_LIMIT),
});

export type SearchKind = "section" | "comment" | "reply";

export interface SearchResult {
  kind: SearchKind;
  id: string;
  planId: string;
  planTitle: string;
  sectionId: string;
  number: string;
  title: string;
  snippet: Snippet;
  url: string;
  /** Sections: the newest published edition holding this text (null: never published). */
  edition: { id: string; label: string } | null;
  /** Sections: the working text (for those who see the plan's drafts) rather than a published one. */
  draft: boolean;
  /** Comments and replies: the round, the comment, the commenting organisation. */
  roundId: string | null;
  commentId: string | null;
  organization: string | null;
}

/** What the caller may see, as sets the SQL can test: plans whose drafts they read, rounds by how much of them. */
function scopeOf(ctx: Ctx) {
  const planRows = ctx.db
    .select({ id: plans.id, level: plans.level, draftingOrganizationId: plans.draftingOrganizationId })
    .from(plans)
    .all();
  const readsDrafts = can(ctx.user, "read:revision:any");
  const draftPlans = planRows.filter((p) => readsDrafts && seesPlanDrafts(ctx.user, p)).map((p) => p.id);
  const planById = new Map(planRows.map((p) => [p.id, p]));
  const invitedHere = new Set(
    ctx.db
      .select({ id: roundInvitations.roundId })
      .from(roundInvitations)
      .where(eq(roundInvitations.organizationId, ctx.user.organization.id))
      .all()
      .map((r) => r.id),
  );
  const roundRows = ctx.db
    .select({ id: rounds.id, visibility: rounds.visibility, planId: documents.planId })
    .from(rounds)
    .innerJoin(editions, eq(rounds.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .all();
  const whole: string[] = [];
  const partial: string[] = [];
  const shared: string[] = [];
  for (const r of roundRows) {
    const plan = planById.get(r.planId);
    if (!plan) continue;
    // Only the caller's own organisation matters to canSeeRound.
    const viewer = viewerOf(ctx, plan);
    if (!canSeeRound(viewer, invitedHere.has(r.id) ? [ctx.user.organization.id] : [])) continue;
    if (seesWholeRound(viewer)) whole.push(r.id);
    else {
      partial.push(r.id);
      if (r.visibility === "shared") shared.push(r.id);
    }
  }
  return { draftPlans, readsPublished: can(ctx.user, "read:revision:published"), whole, partial, shared };
}

type Scope = ReturnType<typeof scopeOf>;
const jsonList = (ids: string[]) => JSON.stringify(ids);

/** The visible hits, best first: sections, then comments, then replies. */
function visibleHits(ctx: Ctx, q: string, scope: Scope, planId: string | undefined, limit: number) {
  const plan = planQuery(q);
  if (plan.mode === "none") return [];
  const hits =
    plan.mode === "phrase"
      ? sql`SELECT rowid AS doc, rank AS score FROM search_text WHERE search_text MATCH ${plan.match}`
      : sql`SELECT doc, -count(*) AS score FROM search_terms WHERE term >= ${plan.from} AND term < ${plan.to} GROUP BY doc`;
  const drafts = jsonList(scope.draftPlans);
  const commentVisible = sql`(c.round_id IN (SELECT value FROM json_each(${jsonList(scope.whole)}))
    OR (c.round_id IN (SELECT value FROM json_each(${jsonList(scope.partial)}))
      AND (c.organization_id = ${ctx.user.organization.id} OR (c.round_id IN (SELECT value FROM json_each(${jsonList(scope.shared)})) AND c.withdrawn_at IS NULL))))`;
  // One hit per section: a reader may find several published revisions of one section (one per
  // edition); the one in the newest edition stands for them.
  return ctx.db.all<{ kind: "revision" | "comment" | "reply"; refId: string }>(sql`
    WITH hits(doc, score) AS (${hits}),
    visible AS (
      SELECT d.id AS id, d.kind AS kind, d.ref_id AS refId, h.score AS score,
        CASE WHEN d.kind = 'revision' THEN (SELECT v.section_id FROM revisions v WHERE v.id = d.ref_id) ELSE d.kind || ':' || d.ref_id END AS grp,
        CASE WHEN d.kind = 'revision' THEN (SELECT max(e.published_at) FROM edition_sections es JOIN editions e ON e.id = es.edition_id WHERE es.revision_id = d.ref_id) END AS published
      FROM hits h JOIN search_docs d ON d.id = h.doc
      WHERE (${planId ?? null} IS NULL OR d.plan_id = ${planId ?? null}) AND (
        (d.kind = 'revision' AND (
          (d.plan_id IN (SELECT value FROM json_each(${drafts}))
            AND EXISTS (SELECT 1 FROM sections s WHERE s.current_revision_id = d.ref_id AND s.retired_at IS NULL))
          OR (${scope.readsPublished ? 1 : 0} = 1 AND d.plan_id NOT IN (SELECT value FROM json_each(${drafts}))
            AND EXISTS (SELECT 1 FROM edition_sections es WHERE es.revision_id = d.ref_id))))
        OR (d.kind = 'comment' AND EXISTS (SELECT 1 FROM comments c WHERE c.id = d.ref_id AND ${commentVisible}))
        OR (d.kind = 'reply' AND EXISTS (SELECT 1 FROM replies p JOIN comments c ON c.id = p.comment_id WHERE p.id = d.ref_id AND ${commentVisible})))),
    ranked AS (SELECT *, row_number() OVER (PARTITION BY grp ORDER BY published DESC, id) AS n FROM visible)
    SELECT kind, refId FROM ranked WHERE n = 1
    ORDER BY CASE kind WHEN 'revision' THEN 0 WHEN 'comment' THEN 1 ELSE 2 END, score, id
    LIMIT ${limit + 1}`);
}

/** Sections found: the working draft's place, or the newest published edition holding the revision. */
function sectionResults(ctx: Ctx, q: string, ids: string[], scope: Scope) {
  if (!ids.length) return new Map<string, SearchResult>();
  const rows = ctx.db
    .select({
      id: revisions.id,
      text: revisions.text,
      sectionId: revisions.sectionId,
      number: sections.number,
      title: sections.title,
      planId: documents.planId,
      planTitle: plans.title,
    })
    .from(revisions)
    .innerJoin(sections, eq(revisions.sectionId, sections.id))
    .innerJoin(documents, eq(sections.documentId, documents.id))
    .innerJoin(plans, eq(documents.planId, plans.id))
    .where(inArray(revisions.id, ids))
    .all();
  const newest = new Map<string, { editionId: string; label: string; number: string; title: string; publishedAt: Date }>();
  for (const h of ctx.db
    .select({
      revisionId: editionSections.revisionId,
      editionId: editions.id,
      label: editions.label,
      number: editionSections.number,
      title: editionSections.title,
      publishedAt: editions.publishedAt,
    })
    .from(editionSections)
    .innerJoin(editions, eq(editionSections.editionId, editions.id))
    .where(inArray(editionSections.revisionId, ids))
    .all()) {
    const seen = newest.get(h.revisionId);
    if (!seen || seen.publishedAt < h.publishedAt) newest.set(h.revisionId, h);
  }
  const out = new Map<string, SearchResult>();
  for (const r of rows) {
    const base = {
      kind: "section" as const,
      id: r.id,
      planId: r.planId,
      planTitle: r.planTitle,
      sectionId: r.sectionId,
      snippet: makeSnippet(r.text, q),
      roundId: null,
      commentId: null,
      organization: null,
    };
    const held = newest.get(r.id);
    const edition = held ? { id: held.editionId, label: held.label } : null;
    if (scope.draftPlans.includes(r.planId)) {
      // the working text, which may also be what an edition published
      out.set(`revision:${r.id}`, { ...base, number: r.number, title: r.title, url: `/sections/${r.sectionId}`, edition, draft: true });
      continue;
    }
    if (!held) continue; // not published: not found
    out.set(`revision:${r.id}`, {
      ...base,
      number: held.number,
      title: held.title,
      url: `/editions/${held.editionId}#${r.sectionId}`,
      edition,
      draft: false,
    });
  }
  return out;
}

/**
 * lib/comment-visibility's canSeeComment over the scope's rounds, as a condition on `comments`: whole
 * rounds; in the others, the caller's organisation's comments, and in shared ones every comment not withdrawn.
 */
function visibleCommentWhere(ctx: Ctx, scope: Scope): SQL | undefined {
  return or(
    inArray(comments.roundId, scope.whole),
    and(
      inArray(comments.roundId, scope.partial),
      or(eq(comments.organizationId, ctx.user.organization.id), and(inArray(comments.roundId, scope.shared), isNull(comments.withdrawnAt))),
    ),
  );
}

/** Comments and replies found, read again under the same visibility condition as the hits. */
function commentResults(ctx: Ctx, q: string, commentIds: string[], replyIds: string[], scope: Scope) {
  const out = new Map<string, SearchResult>();
  const replyRows = replyIds.length
    ? ctx.db
        .select({ id: replies.id, body: replies.body, commentId: replies.commentId })
        .from(replies)
        .where(inArray(replies.id, replyIds))
        .all()
    : [];
  const ids = [...new Set([...commentIds, ...replyRows.map((r) => r.commentId)])];
  if (!ids.length) return out;
  const rows = ctx.db
    .select({
      c: comments,
      orgName: organizations.name,
      planId: plans.id,
      planTitle: plans.title,
      number: editionSections.number,
      title: editionSections.title,
    })
    .from(comments)
    .innerJoin(organizations, eq(comments.organizationId, organizations.id))
    .innerJoin(rounds, eq(comments.roundId, rounds.id))
    .innerJoin(editions, eq(rounds.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .innerJoin(plans, eq(documents.planId, plans.id))
    .leftJoin(editionSections, and(eq(editionSections.editionId, rounds.editionId), eq(editionSections.sectionId, comments.sectionId)))
    .where(and(inArray(comments.id, ids), visibleCommentWhere(ctx, scope)))
    .all();
  const byId = new Map(rows.map((r) => [r.c.id, r]));
  const result = (row: (typeof rows)[number], kind: "comment" | "reply", id: string, body: string): SearchResult => ({
    kind,
    id,
    planId: row.planId,
    planTitle: row.planTitle,
    sectionId: row.c.sectionId,
    number: row.number ?? "",
    title: row.title ?? "",
    snippet: makeSnippet(body, q),
    url: `/rounds/${row.c.roundId}/comments/${row.c.id}`,
    edition: null,
    draft: false,
    roundId: row.c.roundId,
    commentId: row.c.id,
    organization: row.orgName,
  });
  for (const id of commentIds) {
    const row = byId.get(id);
    if (row) out.set(`comment:${id}`, result(row, "comment", id, row.c.body));
  }
  for (const r of replyRows) {
    const row = byId.get(r.commentId);
    if (row) out.set(`reply:${r.id}`, result(row, "reply", r.id, r.body));
  }
  return out;
}

/** `GET /api/v1/search?q=&planId=&limit=`: what the caller may see that contains q. */
export function search(ctx: Ctx, input: unknown): { query: string; results: SearchResult[]; more: boolean } {
  const { q: raw, planId, limit } = searchInput.parse(input);
  const q = normalizeQuery(raw);
  const scope = scopeOf(ctx);
  const hits = visibleHits(ctx, q, scope, planId, limit);
  const more = hits.length > limit;
  const shown = hits.slice(0, limit);
  const ofKind = (k: string) => shown.filter((h) => h.kind === k).map((h) => h.refId);
  const found = new Map([
    ...sectionResults(ctx, q, ofKind("revision"), scope),
    ...commentResults(ctx, q, ofKind("comment"), ofKind("reply"), scope),
  ]);
  const results = shown.map((h) => found.get(`${h.kind}:${h.refId}`)).filter((r): r is SearchResult => !!r);
  return { query: q, results, more };
}

const pageInput = z.object({ q: z.string().catch("").default(""), plan: z.string().max(100).catch("").default("") });

/** The results page (`/search?q=&plan=`): the answer, the plans to narrow it to, and the input as read. */
export function searchPage(ctx: Ctx, raw: unknown) {
  const input = pageInput.parse(raw);
  input.q = input.q.slice(0, 1000);
  const answer = input.q.trim() ? search(ctx, { q: input.q, planId: input.plan || undefined, limit: SEARCH_MAX_LIMIT }) : null;
  return { answer, input, plans: listPlans(ctx).map((p) => ({ id: p.id, title: p.title })) };
}
