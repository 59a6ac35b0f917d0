// In-app notifications: written in the same transaction as what they announce.
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { notifications, roundInvitations, rounds, submissions } from "~db/schema";
import { newId } from "../lib/id";
import { isRoundOpen } from "../lib/round-deadline";
import { draftsPlan } from "../lib/plan-access";
import { isoShanghai } from "../lib/time";
import type { Ctx } from "../utils/session.server";
import { planDeadlines } from "./plan-deadline.server";

export type NotificationKind =
  | "comment_created"
  | "reply_created"
  | "round_closing"
  | "submission_created"
  | "response_created"
  | DeadlineNoticeKind
  | "approval_requested"
  | "plan_approved"
  | "plan_filed"
  | "review_confirmed"
  | "comment_assigned";

export function notifyUsers(tx: DbOrTx, userIds: string[], kind: NotificationKind, data: Record<string, string>) {
  for (const userId of new Set(userIds))
    tx.insert(notifications)
      .values({ id: newId("ntf"), userId, kind, data })
      .run();
}

const CLOSING_SOON_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * For a reviewer: one notice per open round closing within 3 days that their organisation has not
 * answered yet. Created when the reviewer next loads a page, at most once per round.
 */
export function ensureClosingNotices(ctx: Ctx, now = Date.now()) {
  if (ctx.user.role !== "reviewer") return;
  const candidates = ctx.db
    .select({ id: rounds.id, title: rounds.title, closesAt: rounds.closesAt, closedEarlyAt: rounds.closedEarlyAt })
    .from(roundInvitations)
    .innerJoin(rounds, eq(roundInvitations.roundId, rounds.id))
    .where(eq(roundInvitations.organizationId, ctx.user.organization.id))
    .all()
    .filter((r) => isRoundOpen(r, now) && r.closesAt.getTime() - now <= CLOSING_SOON_MS);
  if (!candidates.length) return;
  const existing = ctx.db
    .select({ data: notifications.data })
    .from(notifications)
    .where(and(eq(notifications.userId, ctx.user.id), eq(notifications.kind, "round_closing")))
    .all();
  const notified = new Set(existing.map((e) => String(e.data.roundId)));
  ctx.db.transaction((tx) => {
    for (const r of candidates) {
      if (notified.has(r.id)) continue;
      if (
        tx
          .select({ id: submissions.id })
          .from(submissions)
          .where(and(eq(submissions.roundId, r.id), eq(submissions.organizationId, ctx.user.organization.id)))
          .get()
      )
        continue;
      notifyUsers(tx, [ctx.user.id], "round_closing", { roundId: r.id, round: r.title, date: isoShanghai(r.closesAt) });
    }
  });
}

// ---- deadline notices (roll-up) ----

export type DeadlineNoticeKind = "stage_due_soon" | "stage_overdue" | "filing_overdue";
const deadlineNoticeKinds: DeadlineNoticeKind[] = ["stage_due_soon", "stage_overdue", "filing_overdue"];
/** A plan's drafters hear of a stage deadline this many days before it. */
export const STAGE_DUE_SOON_DAYS = 3;

/**
 * Stage deadlines, created when the user next loads a page, at most once per (plan, stage, kind):
 * a plan's drafters 3 days before the deadline of the stage their plan is in and once it is overdue;
 * the coordinator once a county's approved plan is past its filing due date without a filing.
 */
export function ensureDeadlineNotices(ctx: Ctx, now = Date.now()) {
  const { role } = ctx.user;
  if (role !== "drafter" && role !== "coordinator") return;
  const due: { kind: DeadlineNoticeKind; data: Record<string, string> }[] = [];
  for (const p of planDeadlines(ctx.db, now)) {
    if (p.done || p.dueOn === null || p.daysLeft === null) continue;
    const data = { planId: p.planId, plan: p.title, stage: p.dueStage, date: p.dueOn, days: String(Math.abs(p.daysLeft)) };
    if (role === "drafter" && draftsPlan(ctx.user, p)) {
      if (p.overdue) due.push({ kind: "stage_overdue", data });
      else if (p.daysLeft <= STAGE_DUE_SOON_DAYS) due.push({ kind: "stage_due_soon", data });
    }
    if (role === "coordinator" && p.level === "county" && p.approved && p.overdue) due.push({ kind: "filing_overdue", data });
  }
  if (!due.length) return;
  const key = (kind: string, data: Record<string, unknown>) => `${kind}|${String(data.planId)}|${String(data.stage)}`;
  const existing = ctx.db
    .select({ kind: notifications.kind, data: notifications.data })
    .from(notifications)
    .where(and(eq(notifications.userId, ctx.user.id), inArray(notifications.kind, deadlineNoticeKinds)))
    .all();
  const notified = new Set(existing.map((e) => key(e.kind, e.data)));
  const fresh = due.filter((d) => !notified.has(key(d.kind, d.data)));
  if (!fresh.length) return;
  ctx.db.transaction((tx) => {
    for (const d of fresh) notifyUsers(tx, [ctx.user.id], d.kind, d.data);
  });
}

export function unreadCount(ctx: Ctx): number {
  return (
    ctx.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, ctx.user.id), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

export function listNotifications(ctx: Ctx, limit = 100) {
  return ctx.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, ctx.user.id))
    .orderBy(desc(notifications.createdAt))
    .limit(limit)
    .all()
    .map((n) => ({
      id: n.id,
      kind: n.kind as NotificationKind,
      data: n.data as Record<string, string>,
      createdAt: isoShanghai(n.createdAt),
      read: !!n.readAt,
    }));
}

export function markAllRead(ctx: Ctx) {
  ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, ctx.user.id), isNull(notifications.readAt)))
    .run();
}
