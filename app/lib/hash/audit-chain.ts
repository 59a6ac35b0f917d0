import { canonicalJson } from "./canonical-json";
import { sha256Hex } from "./sha256";
import { sm3Hex } from "./sm3";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditLink {
  id: number;
  at: number;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: string; // canonical JSON text as stored
  prevHash: string;
  hash: string;
}

/** The canonical bytes of one audit event: the canonical JSON of all its fields but `hash`. */
export function auditEventCanonical(e: Omit<AuditLink, "hash">): string {
  return canonicalJson({
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    data: e.data,
    prevHash: e.prevHash,
  });
}

/** The hash of one audit event: sha256 of its canonical bytes. */
export function auditEventHash(e: Omit<AuditLink, "hash">): string {
  return sha256Hex(auditEventCanonical(e));
}

export interface AuditHead {
  events: number;
  sha256: string;
  sm3: string;
}

/**
 * The chain's head, to keep outside the database: the number of events, the last event's hash, and
 * SM3 over the same canonical bytes. An empty chain's head is the genesis value under both.
 */
export function auditHead(count: number, last: AuditLink | undefined): AuditHead {
  if (!last) return { events: 0, sha256: GENESIS_HASH, sm3: GENESIS_HASH };
  return { events: count, sha256: last.hash, sm3: sm3Hex(auditEventCanonical(last)) };
}

/** Walks a chain in id order; returns the id of the first event that does not fit, or null. */
export function firstBrokenLink(events: Iterable<AuditLink>): number | null {
  let prev = GENESIS_HASH;
  for (const e of events) {
    if (e.prevHash !== prev || auditEventHash(e) !== e.hash) return e.id;
    prev = e.hash;
  }
  return null;
}
