import { canonicalJson } from "./canonical-json";
import { sha256Hex } from "./sha256";

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

/** The hash of one audit event: sha256 of the canonical JSON of all its fields but `hash`. */
export function auditEventHash(e: Omit<AuditLink, "hash">): string {
  return sha256Hex(
    canonicalJson({
      id: e.id,
      at: e.at,
      actorId: e.actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      data: e.data,
      prevHash: e.prevHash,
    }),
  );
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
