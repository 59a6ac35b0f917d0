import { asc, count, desc } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { auditEvents } from "~db/schema";
import { type AuditHead, auditEventHash, auditHead, firstBrokenLink, GENESIS_HASH } from "../lib/hash/audit-chain";
import { canonicalJson } from "../lib/hash/canonical-json";
import type { RowBinding } from "../lib/hash/row-hash";

export type AuditAction =
  | "seed.demo"
  | "user.login"
  | "user.logout"
  | "user.create"
  | "user.disable"
  | "user.enable"
  | "user.password_reset"
  | "user.locale"
  | "organization.create"
  | "revision.create"
  | "section.create"
  | "section.rename"
  | "section.move"
  | "section.retire"
  | "document.create"
  | "document.renumber"
  | "document.import"
  | "edition.publish"
  | "round.open"
  | "round.extend"
  | "round.close"
  | "submission.create"
  | "comment.create"
  | "comment.edit"
  | "comment.withdraw"
  | "reply.create"
  | "comment.respond"
  | "review.create"
  | "signoff.create"
  | "review.conclude"
  | "review.confirm"
  | "signing_key.register"
  | "signing_key.revoke"
  | "plan.approval_request"
  | "plan.approval_withdraw"
  | "plan.approve"
  | "plan.file"
  | "file.upload"
  | "project.create"
  | "project.update"
  | "project.import"
  | "indicator.update"
  | "audit.bind_existing"
  // comment groups and assignment (the workbench)
  | "comment_group.create"
  | "comment_group.delete"
  | "comment.assign";

export interface AuditInput {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
  /**
   * The rows of users' content this operation wrote, each as `bindRow(tx, table, id)` after the write
   * (app/models/row-binding.server.ts); stored as `data.bound`, checked by `audit:verify`.
   */
  bound?: RowBinding[];
}

/**
 * Appends one event to the chain. Call it inside the business operation's transaction:
 * better-sqlite3 has one writer, so reading the last hash and inserting the next row cannot interleave.
 */
export function recordAudit(tx: DbOrTx, input: AuditInput): void {
  const last = tx.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get();
  const row = {
    id: (last?.id ?? 0) + 1,
    at: Date.now(),
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    data: canonicalJson(input.bound?.length ? { ...input.data, bound: input.bound } : (input.data ?? {})),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  tx.insert(auditEvents)
    .values({ ...row, hash: auditEventHash(row) })
    .run();
}

/**
 * Walks the whole chain in id order (permission checks are the caller's: this also runs from the CLI).
 * With `earlierHead` (a head kept outside the database), also checks the chain still holds that event:
 * a chain cut back past it does not verify.
 */
export function verifyAuditChain(
  db: DbOrTx,
  earlierHead?: string,
): {
  ok: boolean;
  events: number;
  firstBrokenEventId: number | null;
  missingEventIds: number[];
  head: AuditHead;
  earlierHeadFound: boolean | null;
} {
  const rows = db.select().from(auditEvents).orderBy(asc(auditEvents.id)).all();
  const broken = firstBrokenLink(rows);
  const missingEventIds = missingIds(rows.map((r) => r.id));
  const earlierHeadFound = earlierHead === undefined ? null : earlierHead === GENESIS_HASH || rows.some((r) => r.hash === earlierHead);
  return {
    ok: broken === null && missingEventIds.length === 0 && earlierHeadFound !== false,
    events: rows.length,
    firstBrokenEventId: broken,
    missingEventIds,
    head: auditHead(rows.length, rows.at(-1)),
    earlierHeadFound,
  };
}

/** Event ids are 1, 2, 3 … without gaps: the ones missing before the last (at most 100 listed). */
function missingIds(ids: number[]): number[] {
  const missing: number[] = [];
  let expected = 1;
  for (const id of ids) {
    for (; expected < id && missing.length < 100; expected++) missing.push(expected);
    expected = id + 1;
  }
  return missing;
}

/** The chain's current head {events, sha256, sm3} (`npm run audit:head`). */
export function currentAuditHead(db: DbOrTx): AuditHead {
  const last = db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get();
  const events = db.select({ n: count() }).from(auditEvents).get()?.n ?? 0;
  return auditHead(events, last);
}
