import type { DbOrTx } from "../../db/client";
import { verifyAuditChain } from "./audit.server";
import { firstBrokenSignature } from "./review.server";
import { firstBrokenBrowserSignature } from "./review-signatures.server";

/**
 * The audit chain end to end, and every signature against it (GET /api/v1/audit/verify, npm run
 * audit:verify); with `earlierHead`, also that the chain still contains that head (no truncation since).
 */
export function verifyIntegrity(db: DbOrTx, earlierHead?: string) {
  const chain = verifyAuditChain(db, earlierHead);
  const brokenSignature = firstBrokenSignature(db) ?? firstBrokenBrowserSignature(db);
  return { ok: chain.ok && brokenSignature === null, events: chain.events, firstBrokenEventId: chain.firstBrokenEventId, firstBrokenSignoffId: brokenSignature, head: chain.head, earlierHeadFound: chain.earlierHeadFound };
}
