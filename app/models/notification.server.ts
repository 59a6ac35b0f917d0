// In-app notifications: written in the same transaction as what they announce.
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { notifications, roundInvitations, rounds, submissions } from "../../db/schema";
import { newId } from "../lib/id";
import { isRoundOpen } from "../lib/round-deadline";
import { isoShanghai } from "../lib/time";
import type { Ctx } from "../utils/session.server";

export type NotificationKind = "comment_created" | "reply_created" | "round_closing" | "submission_created" | "response_created" | "approval_requested" | "plan_approved" | "plan_filed" | "review_confirmed";

export function notifyUsers(tx: DbOrTx, userIds: string[], kind: NotificationKind, data: Record<string, string>) {
  for (const userId of new Set(userIds)) tx.insert(notifications).values({ id: newId("ntf"), userId, kind, data }).run();
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
  const existing = ctx.db.select({ data: notifications.data }).from(notifications).where(and(eq(notifications.userId, ctx.user.id), eq(notifications.kind, "round_closing"))).all();
  const notified = new Set(existing.map((e) => String(e.data.roundId)));
  ctx.db.transaction((tx) => {
    for (const r of candidates) {
      if (notified.has(r.id)) continue;
      if (tx.select({ id: submissions.id }).from(submissions).where(and(eq(submissions.roundId, r.id), eq(submissions.organizationId, ctx.user.organization.id))).get()) continue;
      notifyUsers(tx, [ctx.user.id], "round_closing", { roundId: r.id, round: r.title, date: isoShanghai(r.closesAt) });
    }
  });
}

export function unreadCount(ctx: Ctx): number {
  return ctx.db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, ctx.user.id), isNull(notifications.readAt))).get()?.n ?? 0;
}

export function listNotifications(ctx: Ctx, limit = 100) {
  return ctx.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, ctx.user.id))
    .orderBy(desc(notifications.createdAt))
    .limit(limit)
    .all()
    .map((n) => ({ id: n.id, kind: n.kind as NotificationKind, data: n.data as Record<string, string>, createdAt: isoShanghai(n.createdAt), read: !!n.readAt }));
}

export function markAllRead(ctx: Ctx) {
  ctx.db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, ctx.user.id), isNull(notifications.readAt))).run();
}
