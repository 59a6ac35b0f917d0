import type { DbOrTx } from "~db/client";
import { forbidden } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { verifyAuditChain } from "./audit.server";
import { brokenContentHashes } from "./content-check.server";
import { type BrokenRecord, brokenRows } from "./row-binding.server";
import { firstBrokenSignature } from "./review-signature-hashes.server";
import { firstBrokenBrowserSignature } from "./review-signatures.server";

/** At most this many broken records are listed (`brokenCount` has them all). */
const LISTED = 200;

/**
 * The audit chain end to end (links, and ids without gaps), every signature against it, every hash
 * recomputed from what it covers (revisions, frozen tables, manifests), and every row of users' content
 * against its latest binding in the chain (GET /api/v1/audit/verify, npm run audit:verify; docs/INTEGRITY.md).
 * With `earlierHead`, also that the chain still contains that head (no truncation since).
 * `broken` names each finding by table and id: changed, deleted, unbound (never bound: written behind
 * the portal's back), missing (an audit event), revision_hash / table_hash / manifest_hash.
 * Takes the database, not a caller: the operations scripts (audit:verify, backup, restore, replicate)
 * run it on a file; requests go through `auditVerification`.
 */
export function verifyIntegrity(db: DbOrTx, earlierHead?: string) {
  const chain = verifyAuditChain(db, earlierHead);
  const brokenSignature = firstBrokenSignature(db) ?? firstBrokenBrowserSignature(db);
  const broken: BrokenRecord[] = [
    ...chain.missingEventIds.map((id) => ({ table: "audit_events", id: String(id), reason: "missing" as const })),
    ...brokenContentHashes(db),
    ...brokenRows(db),
  ];
  return {
    ok: chain.ok && brokenSignature === null && broken.length === 0,
    events: chain.events,
    firstBrokenEventId: chain.firstBrokenEventId,
    firstBrokenSignoffId: brokenSignature,
    broken: broken.slice(0, LISTED),
    brokenCount: broken.length,
    head: chain.head,
    earlierHeadFound: chain.earlierHeadFound,
  };
}

/** GET /api/v1/audit/verify: whoever may read the audit trail (403 otherwise); a malformed `head` is ignored. */
export function auditVerification(ctx: Ctx, earlierHead: string | null) {
  if (!can(ctx.user, "read:audit:any")) throw forbidden();
  return verifyIntegrity(ctx.db, earlierHead && /^[0-9a-f]{64}$/.test(earlierHead) ? earlierHead : undefined);
}
