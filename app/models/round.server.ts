// Consultation rounds: opening, deadlines, who is invited, and each organisation's formal reply.
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "~db/client";
import {
  comments,
  documents,
  editions,
  organizations,
  plans,
  roundInvitations,
  rounds,
  roundVisibilities,
  submissions,
  users,
} from "~db/schema";
import { canSeeRound, seesWholeRound, type Viewer } from "../lib/comment-visibility";
import { newId } from "../lib/id";
import { draftsPlan, type PlanScope, seesPlanDrafts } from "../lib/plan-access";
import { closesAtOf, isRoundOpen, type RoundDeadline } from "../lib/round-deadline";
import { daysBetween, isoShanghai, shanghaiDate } from "../lib/time";
import { conflict, DomainError, forbidden, invalid, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import { perConnection } from "../utils/prepared.server";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { editionHead } from "./edition.server";
import { listOrganizations } from "./organization.server";
import { notifyUsers } from "./notification.server";
import { planIdOfEdition, requireDraftingPage, requirePlanDrafter } from "./plan-access.server";
import { bindRow } from "./row-binding.server";

/** The caller as a viewer of one plan's rounds. */
export const viewerOf = (ctx: Ctx, plan: PlanScope): Viewer => ({
  role: ctx.user.role,
  organizationId: ctx.user.organization.id,
  runsPlan: seesPlanDrafts(ctx.user, plan),
});

const roundQueries = perConnection((db) => ({
  round: db
    .select({
      round: rounds,
      editionLabel: editions.label,
      documentId: editions.documentId,
      documentTitle: documents.title,
      planId: documents.planId,
      planTitle: plans.title,
      planLevel: plans.level,
      draftingOrganizationId: plans.draftingOrganizationId,
      manifestHash: editions.manifestHash,
    })
    .from(rounds)
    .innerJoin(editions, eq(rounds.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .innerJoin(plans, eq(documents.planId, plans.id))
    .where(eq(rounds.id, sql.placeholder("roundId")))
    .prepare(),
  invited: db
    .select({ id: roundInvitations.organizationId })
    .from(roundInvitations)
    .where(eq(roundInvitations.roundId, sql.placeholder("roundId")))
    .prepare(),
  submission: db
    .select()
    .from(submissions)
    .where(and(eq(submissions.roundId, sql.placeholder("roundId")), eq(submissions.organizationId, sql.placeholder("organizationId"))))
    .prepare(),
}));

/**
 * A round the caller may see, with its edition and invitations. Reviewers of organisations that are
 * not invited get 404, as if the round did not exist. Inside a transaction of ctx.db too: the queries are
 * prepared on its connection, which its transactions share.
 */
export function loadRound(ctx: Ctx, roundId: string) {
  const queries = roundQueries(ctx.db);
  const row = queries.round.get({ roundId });
  if (!row) throw notFound();
  const invitedOrganizationIds = queries.invited.all({ roundId }).map((r) => r.id);
  const viewer = viewerOf(ctx, { level: row.planLevel, draftingOrganizationId: row.draftingOrganizationId });
  if (!canSeeRound(viewer, invitedOrganizationIds)) throw notFound();
  return { ...row, invitedOrganizationIds, viewer };
}

/** Throws 409 when the round no longer takes writes. */
export function requireOpen(round: RoundDeadline) {
  if (!isRoundOpen(round)) throw conflict("round.closed");
}

/**
 * The caller may write comments in a round (loaded with `loadRound`) while it is open, their organisation
 * is invited and has not sent its formal reply yet: 403, 409 otherwise.
 */
export function requireRoundWritable(ctx: Ctx, r: ReturnType<typeof loadRound>) {
  if (!r.invitedOrganizationIds.includes(ctx.user.organization.id)) throw forbidden("round.notInvited");
  requireOpen(r.round);
  if (roundQueries(ctx.db).submission.get({ roundId: r.round.id, organizationId: ctx.user.organization.id }))
    throw conflict("submission.locked");
}

const futureInstant = z
  .string({ required_error: "validation.required" })
  .min(1, "validation.required")
  .transform((v, c) => {
    // a bare "YYYY-MM-DDTHH:mm" from a datetime-local input is Beijing time
    const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.length === 16 ? `${v}:00` : v}+08:00`;
    const t = Date.parse(withZone);
    if (Number.isNaN(t)) {
      c.addIssue({ code: "custom", message: "error.invalid" });
      return z.NEVER;
    }
    if (t <= Date.now()) {
      c.addIssue({ code: "custom", message: "round.closesInPast" });
      return z.NEVER;
    }
    return new Date(t);
  });

const idList = z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(z.string().min(1)).min(1, "round.noInvitees").max(200));

export const roundInput = z.object({
  title: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(200, "validation.tooLong|200"),
  instructions: z.string().trim().max(5000, "validation.tooLong|5000").default(""),
  closesAt: futureInstant,
  invitedOrganizationIds: idList,
  visibility: z.enum(roundVisibilities, { errorMap: () => ({ message: "validation.choice" }) }),
});

/** Opens a round on a published edition (drafters). */
export function openRound(ctx: Ctx, editionId: string, input: unknown) {
  if (!can(ctx.user, "create:round:any")) throw forbidden();
  const values = roundInput.parse(input);
  return ctx.db.transaction((tx) => {
    requirePlanDrafter(ctx, planIdOfEdition(tx, editionId), tx);
    const ids = [...new Set(values.invitedOrganizationIds)];
    const orgs = tx
      .select({ id: organizations.id, kind: organizations.kind })
      .from(organizations)
      .where(inArray(organizations.id, ids))
      .all();
    if (orgs.length !== ids.length || orgs.some((o) => o.kind === "drafting_team" || o.kind === "expert_panel")) {
      throw invalid([{ path: "invitedOrganizationIds", message: "round.unknownOrganization" }], "round.unknownOrganization");
    }
    const id = newId("rnd");
    const now = new Date();
    tx.insert(rounds)
      .values({
        id,
        editionId,
        title: values.title,
        instructions: values.instructions,
        visibility: values.visibility,
        opensAt: now,
        closesAt: values.closesAt,
        openedById: ctx.user.id,
        createdAt: now,
      })
      .run();
    for (const organizationId of ids) tx.insert(roundInvitations).values({ roundId: id, organizationId }).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "round.open",
      entityType: "round",
      entityId: id,
      data: { editionId, closesAt: isoShanghai(values.closesAt), visibility: values.visibility, invited: ids },
    });
    return { id };
  });
}

/** Moves the deadline (later or earlier, but into the future); reopens a round closed early. Audited. */
export function extendRound(ctx: Ctx, roundId: string, input: unknown) {
  if (!can(ctx.user, "update:round:any")) throw forbidden();
  const { closesAt, reason } = z
    .object({ closesAt: futureInstant, reason: z.string().trim().max(500, "validation.tooLong|500").default("") })
    .parse(input);
  return ctx.db.transaction((tx) => {
    const { round, planId } = loadRound(ctx, roundId);
    requirePlanDrafter(ctx, planId, tx);
    tx.update(rounds).set({ closesAt, closedEarlyAt: null }).where(eq(rounds.id, roundId)).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "round.extend",
      entityType: "round",
      entityId: roundId,
      data: { from: isoShanghai(closesAtOf(round)), to: isoShanghai(closesAt), reason },
    });
    return { closesAt: isoShanghai(closesAt) };
  });
}

export function closeRoundEarly(ctx: Ctx, roundId: string) {
  if (!can(ctx.user, "update:round:any")) throw forbidden();
  return ctx.db.transaction((tx) => {
    const { round, planId } = loadRound(ctx, roundId);
    requirePlanDrafter(ctx, planId, tx, { frozenToo: false });
    requireOpen(round);
    tx.update(rounds).set({ closedEarlyAt: new Date() }).where(eq(rounds.id, roundId)).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "round.close",
      entityType: "round",
      entityId: roundId,
      data: { scheduled: isoShanghai(round.closesAt) },
    });
  });
}

export type OrganizationState = "not_started" | "drafting" | "submitted";

/** Invited organisations × state × active comment count, in the organisations' order. */
export function roundCoverage(db: DbOrTx, roundId: string) {
  const invited = db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(roundInvitations)
    .innerJoin(organizations, eq(roundInvitations.organizationId, organizations.id))
    .where(eq(roundInvitations.roundId, roundId))
    .orderBy(asc(organizations.sortOrder))
    .all();
  const counts = new Map(
    db
      .select({ organizationId: comments.organizationId, n: count() })
      .from(comments)
      .where(and(eq(comments.roundId, roundId), isNull(comments.withdrawnAt)))
      .groupBy(comments.organizationId)
      .all()
      .map((r) => [r.organizationId, r.n]),
  );
  const sent = new Map(
    db
      .select({
        organizationId: submissions.organizationId,
        submittedAt: submissions.submittedAt,
        statement: submissions.statement,
        noComments: submissions.noComments,
        by: users.displayName,
      })
      .from(submissions)
      .innerJoin(users, eq(submissions.submittedById, users.id))
      .where(eq(submissions.roundId, roundId))
      .all()
      .map((s) => [s.organizationId, s]),
  );
  return invited.map((o) => {
    const submission = sent.get(o.id);
    const commentCount = counts.get(o.id) ?? 0;
    const state: OrganizationState = submission ? "submitted" : commentCount ? "drafting" : "not_started";
    return {
      organizationId: o.id,
      name: o.name,
      kind: o.kind,
      state,
      commentCount,
      submission: submission
        ? {
            submittedAt: isoShanghai(submission.submittedAt),
            statement: submission.statement,
            noComments: submission.noComments,
            by: submission.by,
          }
        : null,
    };
  });
}

/** The round page: details, deadline, coverage (all of it for those who run it, own row for reviewers). */
export function getRound(ctx: Ctx, roundId: string, now = Date.now()) {
  const r = loadRound(ctx, roundId);
  const coverage = roundCoverage(ctx.db, roundId);
  const closesAt = closesAtOf(r.round);
  return {
    id: r.round.id,
    editionId: r.round.editionId,
    editionLabel: r.editionLabel,
    documentTitle: r.documentTitle,
    planId: r.planId,
    planTitle: r.planTitle,
    manifestHash: r.manifestHash,
    title: r.round.title,
    instructions: r.round.instructions,
    visibility: r.round.visibility,
    opensAt: isoShanghai(r.round.opensAt),
    closesAt: isoShanghai(closesAt),
    scheduledClosesAt: isoShanghai(r.round.closesAt),
    closedEarly: !!r.round.closedEarlyAt,
    open: closesAt.getTime() > now,
    daysLeft: daysBetween(shanghaiDate(now), shanghaiDate(closesAt)),
    seesWhole: seesWholeRound(r.viewer),
    coverage: seesWholeRound(r.viewer) ? coverage : coverage.filter((c) => c.organizationId === ctx.user.organization.id),
    mine: coverage.find((c) => c.organizationId === ctx.user.organization.id) ?? null,
    canManage:
      can(ctx.user, "update:round:any") && draftsPlan(ctx.user, { level: r.planLevel, draftingOrganizationId: r.draftingOrganizationId }),
    canComment: can(ctx.user, "create:comment:own") && r.invitedOrganizationIds.includes(ctx.user.organization.id),
    // who is invited is public to the round; when the others replied is not, for those who do not see the whole round
    invited: coverage.map((c) => ({
      organizationId: c.organizationId,
      submittedAt: seesWholeRound(r.viewer) || c.organizationId === ctx.user.organization.id ? (c.submission?.submittedAt ?? null) : null,
    })),
  };
}

/** GET /api/v1/rounds/:id */
export function roundJson(ctx: Ctx, roundId: string) {
  const r = getRound(ctx, roundId);
  return {
    id: r.id,
    editionId: r.editionId,
    title: r.title,
    instructions: r.instructions,
    closesAt: r.closesAt,
    visibility: r.visibility,
    open: r.open,
    invited: r.invited,
  };
}

/** The reviewer's inbox (and everyone else's list of rounds): newest first, with their state. */
export function listRounds(ctx: Ctx, now = Date.now()) {
  const rows = ctx.db.select({ id: rounds.id }).from(rounds).orderBy(desc(rounds.createdAt)).all();
  return rows.flatMap((r) => {
    try {
      return [getRound(ctx, r.id, now)];
    } catch (e) {
      if (e instanceof DomainError && e.code === "not_found") return []; // not invited, or another plan's round
      throw e;
    }
  });
}

export const submissionInput = z.object({
  statement: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(5000, "validation.tooLong|5000"),
});

/** 反馈函: the organisation's formal reply. Locks its comments in the round. */
export function submitReply(ctx: Ctx, roundId: string, input: unknown) {
  if (!can(ctx.user, "create:submission:own")) throw forbidden();
  const { statement } = submissionInput.parse(input);
  return ctx.db.transaction((tx) => {
    const r = loadRound(ctx, roundId);
    if (!r.invitedOrganizationIds.includes(ctx.user.organization.id)) throw forbidden("round.notInvited");
    requireOpen(r.round);
    if (roundQueries(ctx.db).submission.get({ roundId, organizationId: ctx.user.organization.id }))
      throw new DomainError("conflict", "submission.already");
    const active =
      tx
        .select({ n: count() })
        .from(comments)
        .where(and(eq(comments.roundId, roundId), eq(comments.organizationId, ctx.user.organization.id), isNull(comments.withdrawnAt)))
        .get()?.n ?? 0;
    const id = newId("sub");
    const submittedAt = new Date();
    tx.insert(submissions)
      .values({
        id,
        roundId,
        organizationId: ctx.user.organization.id,
        statement,
        noComments: active === 0,
        submittedById: ctx.user.id,
        submittedAt,
      })
      .run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "submission.create",
      entityType: "round",
      entityId: roundId,
      data: { submissionId: id, organizationId: ctx.user.organization.id, comments: active },
      bound: [bindRow(tx, "submissions", id)],
    });
    notifyUsers(tx, [r.round.openedById], "submission_created", { roundId, round: r.round.title, org: ctx.user.organization.name });
    return { id, submittedAt: isoShanghai(submittedAt), noComments: active === 0 };
  });
}

/** The page opening a round on an edition: the plan's drafters (403 for others, 409 once frozen); the counties and departments one may invite. */
export function newRoundPage(ctx: Ctx, editionId: string) {
  requireDraftingPage(ctx, planIdOfEdition(ctx.db, editionId));
  const edition = editionHead(ctx, editionId);
  const invitable = listOrganizations(ctx).filter((o) => o.kind === "county" || o.kind === "department");
  return { edition, organizations: invitable };
}
