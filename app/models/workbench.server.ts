// The drafting team's comment workbench as data: filtered, counted and paged in SQL (a round may hold
// thousands of comments; a page carries WORKBENCH_PAGE_SIZE rows and the counts, never the whole round).
import { and, asc, count, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { commentCategories, commentGroups, comments, editionSections, organizations, responses, rounds, users } from "~db/schema";
import { cellQuote } from "../lib/plan-tables/indicator-table";
import { notFound } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { assignComment, draftingTeam } from "./assignment.server";
import { planIdOfRound, requireDraftingPage } from "./plan-access.server";
import { editionIndicatorTable } from "./plan-tables.server";
import { respondToComment } from "./response.server";

export const WORKBENCH_PAGE_SIZE = 50;

export interface WorkbenchFilters {
  status: "all" | "pending" | "answered";
  org: string;
  section: string;
  category: string;
  q: string;
  /** "" anyone, "me" the caller, "none" nobody yet, or a user id */
  assignee: string;
}

/** The filters and page as the URL carries them (unknown values fall back to "all"). */
export function workbenchQuery(params: URLSearchParams): { filters: WorkbenchFilters; page: number } {
  const status = params.get("status");
  const category = params.get("category") ?? "";
  return {
    filters: {
      status: status === "pending" || status === "answered" ? status : "all",
      org: params.get("org") ?? "",
      section: params.get("section") ?? "",
      category: (commentCategories as readonly string[]).includes(category) ? category : "",
      q: (params.get("q") ?? "").trim().slice(0, 200),
      assignee: params.get("assignee") ?? "",
    },
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
  };
}

const assignees = alias(users, "assignee");
const likeEscape = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(ctx: Ctx, roundId: string, f: WorkbenchFilters): SQL[] {
  const where: SQL[] = [eq(comments.roundId, roundId), isNull(comments.withdrawnAt)];
  if (f.status === "pending") where.push(isNull(responses.commentId));
  if (f.status === "answered") where.push(isNotNull(responses.commentId));
  if (f.org) where.push(eq(comments.organizationId, f.org));
  if (f.section) where.push(eq(comments.sectionId, f.section));
  if (f.category) where.push(eq(comments.category, f.category as (typeof commentCategories)[number]));
  if (f.assignee === "me") where.push(eq(comments.assigneeId, ctx.user.id));
  else if (f.assignee === "none") where.push(isNull(comments.assigneeId));
  else if (f.assignee) where.push(eq(comments.assigneeId, f.assignee));
  if (f.q) {
    const p = likeEscape(f.q);
    where.push(
      sql`(${comments.body} like ${p} escape '\\' or coalesce(${comments.proposedText}, '') like ${p} escape '\\' or coalesce(${comments.anchorExact}, '') like ${p} escape '\\')`,
    );
  }
  return where;
}

/** Rows of the workbench table (no row number: the caller knows where the page starts). */
function selectRows(ctx: Ctx, editionId: string, where: SQL, { limit, offset }: { limit: number; offset: number }) {
  const rows = ctx.db
    .select({
      id: comments.id,
      sectionId: comments.sectionId,
      sectionNumber: editionSections.number,
      sectionTitle: editionSections.title,
      exact: comments.anchorExact,
      cellIndicator: comments.cellIndicator,
      cellYear: comments.cellYear,
      category: comments.category,
      body: comments.body,
      organization: organizations.name,
      organizationId: comments.organizationId,
      decision: responses.decision,
      assigneeId: comments.assigneeId,
      assigneeName: assignees.displayName,
      groupId: comments.groupId,
    })
    .from(comments)
    .innerJoin(organizations, eq(comments.organizationId, organizations.id))
    .leftJoin(editionSections, and(eq(editionSections.editionId, editionId), eq(editionSections.sectionId, comments.sectionId)))
    .leftJoin(responses, eq(responses.commentId, comments.id))
    .leftJoin(assignees, eq(assignees.id, comments.assigneeId))
    .where(where)
    // text order: section, then passage (whole-section comments first, cell comments after the passages), then time
    .orderBy(
      asc(editionSections.position),
      sql`coalesce(${comments.anchorStart}, case when ${comments.cellIndicator} is null then -1 else 1000000000 end)`,
      asc(comments.createdAt),
      asc(comments.id),
    )
    .limit(limit)
    .offset(offset)
    .all();
  const table = rows.some((r) => r.cellIndicator) ? (editionIndicatorTable(ctx.db, editionId)?.indicators ?? []) : [];
  return rows.map(({ cellIndicator, cellYear, ...r }) => {
    const indicator = cellIndicator ? table.find((t) => t.code === cellIndicator) : undefined;
    const quote =
      cellIndicator && cellYear
        ? cellQuote(indicator ?? { name: cellIndicator, unit: "" }, cellYear, indicator?.targets[cellYear] ?? null)
        : null;
    return {
      ...r,
      sectionNumber: r.sectionNumber ?? "",
      sectionTitle: r.sectionTitle ?? "",
      cell: cellIndicator && cellYear ? { indicator: cellIndicator, year: cellYear, quote: quote! } : null,
    };
  });
}

export type WorkbenchRow = ReturnType<typeof selectRows>[number] & { number: number | null };

function editionOf(ctx: Ctx, roundId: string) {
  requireDraftingPage(ctx, planIdOfRound(ctx.db, roundId), { frozenToo: false });
  return ctx.db.select({ editionId: rounds.editionId }).from(rounds).where(eq(rounds.id, roundId)).get()!.editionId;
}

/**
 * One page of the workbench for the plan's drafters: the rows (numbered across the filtered list),
 * the filtered count and pages, the round's counts (all, pending, per assignee), the choices of the
 * filters, the drafting team and the numbers of the round's confirmed groups.
 */
export function workbenchView(ctx: Ctx, roundId: string, { filters, page }: { filters: WorkbenchFilters; page: number }) {
  const editionId = editionOf(ctx, roundId);
  const planId = planIdOfRound(ctx.db, roundId)!;
  const base = and(eq(comments.roundId, roundId), isNull(comments.withdrawnAt))!;
  const where = and(...conditions(ctx, roundId, filters))!;
  const filtered =
    ctx.db.select({ n: count() }).from(comments).leftJoin(responses, eq(responses.commentId, comments.id)).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(filtered / WORKBENCH_PAGE_SIZE));
  const current = Math.min(page, pages);
  const offset = (current - 1) * WORKBENCH_PAGE_SIZE;
  const rows: WorkbenchRow[] = selectRows(ctx, editionId, where, { limit: WORKBENCH_PAGE_SIZE, offset }).map((r, i) => ({
    ...r,
    number: offset + i + 1,
  }));
  const byAssignee = ctx.db
    .select({
      assigneeId: comments.assigneeId,
      total: count(),
      pending: sql<number>`sum(case when ${responses.commentId} is null then 1 else 0 end)`,
    })
    .from(comments)
    .leftJoin(responses, eq(responses.commentId, comments.id))
    .where(base)
    .groupBy(comments.assigneeId)
    .all();
  const team = draftingTeam(ctx.db, planId);
  const sum = (k: "total" | "pending") => byAssignee.reduce((n, a) => n + Number(a[k]), 0);
  const organizationsOfRound = ctx.db
    .selectDistinct({ id: organizations.id, name: organizations.name, sortOrder: organizations.sortOrder })
    .from(comments)
    .innerJoin(organizations, eq(comments.organizationId, organizations.id))
    .where(base)
    .orderBy(asc(organizations.sortOrder))
    .all();
  const sectionsOfRound = ctx.db
    .selectDistinct({
      id: comments.sectionId,
      number: editionSections.number,
      title: editionSections.title,
      position: editionSections.position,
    })
    .from(comments)
    .leftJoin(editionSections, and(eq(editionSections.editionId, editionId), eq(editionSections.sectionId, comments.sectionId)))
    .where(base)
    .orderBy(asc(editionSections.position))
    .all();
  const groupIds = ctx.db
    .select({ id: commentGroups.id })
    .from(commentGroups)
    .where(eq(commentGroups.roundId, roundId))
    .orderBy(asc(commentGroups.createdAt), asc(commentGroups.id))
    .all();
  return {
    filters,
    page: current,
    pages,
    pageSize: WORKBENCH_PAGE_SIZE,
    filtered,
    rows,
    counts: {
      all: sum("total"),
      pending: sum("pending"),
      assignees: [
        ...team.map((u) => {
          const a = byAssignee.find((x) => x.assigneeId === u.id);
          return { id: u.id, name: u.name, total: a?.total ?? 0, pending: Number(a?.pending ?? 0), me: u.id === ctx.user.id };
        }),
        {
          id: "none",
          name: null,
          total: byAssignee.find((x) => x.assigneeId === null)?.total ?? 0,
          pending: Number(byAssignee.find((x) => x.assigneeId === null)?.pending ?? 0),
          me: false,
        },
      ],
    },
    team,
    organizations: organizationsOfRound.map((o) => ({ id: o.id, name: o.name })),
    sections: sectionsOfRound.map((s) => ({ id: s.id, label: `${s.number ?? ""} ${s.title ?? ""}`.trim() })),
    groupNumbers: Object.fromEntries(groupIds.map((g, i) => [g.id, i + 1])),
  };
}

/** One row of the workbench (after an answer or an assignment in the drawer). */
export function workbenchRow(ctx: Ctx, roundId: string, commentId: string): WorkbenchRow | null {
  const editionId = editionOf(ctx, roundId);
  const [row] = selectRows(ctx, editionId, and(eq(comments.roundId, roundId), eq(comments.id, commentId))!, { limit: 1, offset: 0 });
  return row ? { ...row, number: null } : null;
}

/** The drawer's writes: answer or assign one comment, then that comment's row (nothing else is reloaded). */
export function changeWorkbenchRow(
  ctx: Ctx,
  roundId: string,
  commentId: string,
  change: { intent: "answer"; values: unknown } | { intent: "assign"; assigneeId: string | null },
) {
  // the row of this round's workbench, nothing else
  if (ctx.db.select({ roundId: comments.roundId }).from(comments).where(eq(comments.id, commentId)).get()?.roundId !== roundId)
    throw notFound();
  if (change.intent === "answer") respondToComment(ctx, commentId, change.values);
  else assignComment(ctx, commentId, { assigneeId: change.assigneeId });
  return workbenchRow(ctx, roundId, commentId);
}
