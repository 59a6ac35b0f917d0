// The demo's consultation is written through the domain functions, as the people in it would write it
// (a reviewer's comment, the drafting team's reply and answer, an organisation's formal reply), so the
// seed cannot hold a comment the portal would refuse. The domain stamps "now"; the story happened
// earlier, so each helper sets its row's timestamp (and the notice it sent) back afterwards. The seed's
// last audit event binds every row as it finally stands (docs/INTEGRITY.md).
import { and, eq, gte, inArray } from "drizzle-orm";
import { createComment } from "../../app/models/comment-create.server";
import { addReply } from "../../app/models/comment-reply.server";
import { respondToComment } from "../../app/models/response.server";
import { submitReply } from "../../app/models/round.server";
import type { SessionUser } from "../../app/utils/auth.server";
import type { Ctx } from "../../app/utils/session.server";
import type { Db, Tx } from "../client";
import * as s from "../schema";
import type { CommentCategory, ResponseDecision } from "../schema";
import { DAY } from "./documents";

/** A demo user as the caller of a domain function, inside the seed's transaction. */
export function ctxOf(tx: Tx, username: string): Ctx {
  const u = tx.select().from(s.users).where(eq(s.users.username, username)).get();
  if (!u) throw new Error(`demo: no user ${username}`);
  const o = tx.select().from(s.organizations).where(eq(s.organizations.id, u.organizationId)).get()!;
  const user: SessionUser = {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    locale: "zh-CN",
    organization: { id: o.id, name: o.name, kind: o.kind },
  };
  // the domain opens its own transaction on ctx.db: on the seed's transaction that is a savepoint
  return { db: tx as unknown as Db, user };
}

/**
 * Runs `write` while the round takes writes: a round whose deadline has passed (the counties' earlier
 * consultations) is opened for the moment, then its deadline is put back.
 */
export function whileOpen<T>(tx: Tx, roundId: string, write: () => T): T {
  const round = tx.select({ closesAt: s.rounds.closesAt }).from(s.rounds).where(eq(s.rounds.id, roundId)).get();
  if (!round) throw new Error(`demo: no round ${roundId}`);
  const reopen = round.closesAt.getTime() <= Date.now();
  if (reopen)
    tx.update(s.rounds)
      .set({ closesAt: new Date(Date.now() + DAY) })
      .where(eq(s.rounds.id, roundId))
      .run();
  try {
    return write();
  } finally {
    if (reopen) tx.update(s.rounds).set({ closesAt: round.closesAt }).where(eq(s.rounds.id, roundId)).run();
  }
}

/** The notices one domain call sent (made at or after `since`) dated back to `at`. */
function backdateNotices(tx: Tx, since: number, at: Date) {
  tx.update(s.notifications)
    .set({ createdAt: at })
    .where(gte(s.notifications.createdAt, new Date(since)))
    .run();
}

/** A passage of a section's text, as the browser sends it (the server recomputes the context). */
export function passage(text: string, start: number, end: number) {
  return { exact: text.slice(start, end), prefix: "", suffix: "", start, end };
}

export interface DemoCommentInput {
  sectionId: string;
  anchor: ReturnType<typeof passage> | null;
  category: CommentCategory;
  body: string;
  proposedText?: string;
}

/** A comment by `username` through createComment, dated `at`. */
export function commentAs(tx: Tx, username: string, roundId: string, input: DemoCommentInput, at: Date): string {
  const since = Date.now();
  const { id } = createComment(ctxOf(tx, username), roundId, input);
  tx.update(s.comments).set({ createdAt: at }).where(eq(s.comments.id, id)).run();
  backdateNotices(tx, since, at);
  return id;
}

/** A reply on a comment through addReply, dated `at`. */
export function replyAs(tx: Tx, username: string, commentId: string, body: string, at: Date): string {
  const since = Date.now();
  const { id } = addReply(ctxOf(tx, username), commentId, { body });
  tx.update(s.replies).set({ createdAt: at }).where(eq(s.replies.id, id)).run();
  backdateNotices(tx, since, at);
  return id;
}

/** The drafting team's answers through respondToComment, dated `at`. */
export function respondAs(
  tx: Tx,
  username: string,
  commentIds: string[],
  answer: { decision: ResponseDecision; reason: string; revisionId?: string | null },
  at: Date,
) {
  const since = Date.now();
  const ctx = ctxOf(tx, username);
  for (const id of commentIds) respondToComment(ctx, id, answer);
  tx.update(s.responses).set({ updatedAt: at }).where(inArray(s.responses.commentId, commentIds)).run();
  backdateNotices(tx, since, at);
}

/** An organisation's formal reply (反馈函) through submitReply, dated `at`; it locks the organisation's comments. */
export function submitAs(tx: Tx, username: string, roundId: string, statement: string, at: Date): string {
  const since = Date.now();
  const ctx = ctxOf(tx, username);
  const { id } = submitReply(ctx, roundId, { statement });
  tx.update(s.submissions)
    .set({ submittedAt: at })
    .where(and(eq(s.submissions.id, id), eq(s.submissions.roundId, roundId)))
    .run();
  backdateNotices(tx, since, at);
  return id;
}
