// Groups of similar comments in one round: the drafting team confirms a proposed group and answers it
// once; every member keeps its own row, organisation and answer (its own `responses` row).
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "~db/client";
import { commentGroups, comments, organizations, responses } from "~db/schema";
import { byteLru } from "../lib/cache/byte-lru";
import { type GroupCandidate, type GroupReason, proposeGroups } from "../lib/comment-groups/propose";
import { newId } from "../lib/id";
import { isoShanghai } from "../lib/time";
import { conflict, forbidden, invalid, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { bindDeleted, bindRow } from "./row-binding.server";
import { planIdOfRound, requirePlanDrafter, seesDrafts } from "./plan-access.server";
import { respond, responseInput } from "./response.server";

/** More than this many comments in one group is refused (a group is answered in one transaction). */
export const MAX_GROUP_SIZE = 200;

const groupInput = z.object({
  commentIds: z
    .array(z.string().min(1), { required_error: "validation.required", invalid_type_error: "validation.required" })
    .transform((ids) => [...new Set(ids)])
    .refine((ids) => ids.length >= 2, "group.tooFew")
    .refine((ids) => ids.length <= MAX_GROUP_SIZE, `validation.tooLong|${MAX_GROUP_SIZE}`),
});

export interface GroupMember {
  id: string;
  organization: string;
  body: string;
  answered: boolean;
}

/** The members of groups (id → members in text order) with their organisation and whether they are answered. */
function membersOf(db: DbOrTx, where: ReturnType<typeof and>) {
  return db
    .select({
      id: comments.id,
      groupId: comments.groupId,
      organization: organizations.name,
      body: comments.body,
      answered: responses.commentId,
      sectionId: comments.sectionId,
      anchorStart: comments.anchorStart,
      anchorEnd: comments.anchorEnd,
      createdAt: comments.createdAt,
      updatedAt: comments.updatedAt,
    })
    .from(comments)
    .innerJoin(organizations, eq(comments.organizationId, organizations.id))
    .leftJoin(responses, eq(responses.commentId, comments.id))
    .where(where)
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
}

// Proposals of the rounds seen last, by the candidates they were computed from (ids and edit times):
// paging through a round of thousands of comments computes them once. Bounded by bytes, like every
// cache of the server.
type CachedProposals = { key: string; proposals: ReturnType<typeof proposeGroups> };
const proposalCache = byteLru<CachedProposals>(8 * 1024 * 1024, (v) => (v.key.length + JSON.stringify(v.proposals).length) * 2);

function cachedProposals(roundId: string, candidates: (GroupCandidate & { updatedAt: Date | null })[]) {
  const key = candidates.map((c) => `${c.id}:${c.updatedAt?.getTime() ?? 0}`).join(",");
  const hit = proposalCache.peek(roundId);
  if (hit?.key === key) return hit.proposals;
  const proposals = proposeGroups(candidates);
  proposalCache.set(roundId, { key, proposals });
  return proposals;
}

const short = (body: string) => (body.length > 80 ? `${body.slice(0, 80)}…` : body);

/**
 * The round's confirmed groups and the proposals among its unanswered, ungrouped comments — for those
 * who see the round's drafts (the plan's drafters, the city's drafting team, admins); 403 otherwise.
 */
export function roundGroups(ctx: Ctx, roundId: string) {
  const planId = planIdOfRound(ctx.db, roundId);
  if (!planId) throw notFound();
  if (!seesDrafts(ctx, planId)) throw forbidden();
  const grouped = membersOf(ctx.db, and(eq(comments.roundId, roundId), isNull(comments.withdrawnAt)));
  const groupRows = ctx.db
    .select()
    .from(commentGroups)
    .where(eq(commentGroups.roundId, roundId))
    .orderBy(asc(commentGroups.createdAt), asc(commentGroups.id))
    .all();
  const groups = groupRows.map((g) => {
    const members = grouped.filter((m) => m.groupId === g.id);
    return {
      id: g.id,
      roundId,
      createdAt: isoShanghai(g.createdAt),
      commentIds: members.map((m) => m.id),
      members: members.map((m) => ({ id: m.id, organization: m.organization, body: short(m.body), answered: m.answered !== null })),
    };
  });
  const candidates = grouped.filter((m) => m.groupId === null && m.answered === null);
  const byId = new Map(candidates.map((m) => [m.id, m]));
  const proposals = cachedProposals(roundId, candidates).map((p) => ({
    commentIds: p.commentIds,
    reasons: p.reasons as GroupReason[],
    members: p.commentIds.map((id) => {
      const m = byId.get(id)!;
      return { id, organization: m.organization, body: short(m.body), answered: false };
    }),
  }));
  return { groups, proposals };
}

/** Confirms a group: the plan's drafters; every member in this round, not withdrawn, not in another group. */
export function confirmGroup(ctx: Ctx, roundId: string, input: unknown) {
  if (!can(ctx.user, "create:response:any")) throw forbidden();
  const { commentIds } = groupInput.parse(input);
  return ctx.db.transaction((tx) => {
    requirePlanDrafter(ctx, planIdOfRound(tx, roundId), tx, { frozenToo: false });
    const rows = tx
      .select({ id: comments.id, roundId: comments.roundId, groupId: comments.groupId, withdrawnAt: comments.withdrawnAt })
      .from(comments)
      .where(inArray(comments.id, commentIds))
      .all();
    if (rows.length !== commentIds.length || rows.some((r) => r.roundId !== roundId))
      throw invalid([{ path: "commentIds", message: "group.otherRound" }], "group.otherRound");
    if (rows.some((r) => r.withdrawnAt)) throw conflict("comment.withdrawn");
    if (rows.some((r) => r.groupId)) throw conflict("group.alreadyGrouped");
    const id = newId("grp");
    tx.insert(commentGroups).values({ id, roundId, createdById: ctx.user.id }).run();
    tx.update(comments).set({ groupId: id }).where(inArray(comments.id, commentIds)).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "comment_group.create",
      entityType: "comment_group",
      entityId: id,
      data: { roundId, commentIds },
      bound: [bindRow(tx, "comment_groups", id)],
    });
    return { id, roundId, commentIds };
  });
}

function loadGroup(tx: DbOrTx, ctx: Ctx, groupId: string) {
  const group = tx.select().from(commentGroups).where(eq(commentGroups.id, groupId)).get();
  if (!group) throw notFound();
  requirePlanDrafter(ctx, planIdOfRound(tx, group.roundId), tx, { frozenToo: false });
  return group;
}

/** Dissolves a group; each comment keeps the answer it has. */
export function ungroup(ctx: Ctx, groupId: string) {
  if (!can(ctx.user, "create:response:any")) throw forbidden();
  return ctx.db.transaction((tx) => {
    const group = loadGroup(tx, ctx, groupId);
    const commentIds = tx
      .select({ id: comments.id })
      .from(comments)
      .where(eq(comments.groupId, groupId))
      .all()
      .map((r) => r.id);
    tx.update(comments).set({ groupId: null }).where(eq(comments.groupId, groupId)).run();
    tx.delete(commentGroups).where(eq(commentGroups.id, groupId)).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "comment_group.delete",
      entityType: "comment_group",
      entityId: groupId,
      data: { roundId: group.roundId, commentIds },
      bound: [bindDeleted("comment_groups", groupId)],
    });
    return { id: groupId, commentIds };
  });
}

/**
 * One answer for every (not withdrawn) member of a group, in one transaction: each member gets its own
 * `responses` row and its own audit event, and its author is told, as when answered alone.
 */
export function answerGroup(ctx: Ctx, groupId: string, input: unknown) {
  if (!can(ctx.user, "create:response:any")) throw forbidden();
  const values = responseInput.parse(input);
  return ctx.db.transaction((tx) => {
    loadGroup(tx, ctx, groupId);
    const ids = tx
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.groupId, groupId), isNull(comments.withdrawnAt)))
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .all()
      .map((r) => r.id);
    if (!ids.length) throw conflict("group.empty");
    for (const id of ids) respond(ctx, tx, id, values);
    return { groupId, commentIds: ids, ...values };
  });
}
