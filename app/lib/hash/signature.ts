import { canonicalJson } from "./canonical-json";
import { sha256Hex } from "./sha256";

export interface SignedOpinion {
  reviewId: string;
  signerId: string;
  kind: "expert" | "panel" | "confirmation";
  conclusion: string;
  opinion: string;
  manifestHash: string;
  signedAt: number; // epoch ms
}

/**
 * The digest that binds a signed opinion to the edition the signer saw: sha256 of the canonical JSON
 * of every field above. Changing the opinion, the conclusion, the time or the edition changes it.
 */
export function signatureHash(s: SignedOpinion): string {
  return sha256Hex(canonicalJson({ ...s }));
}

/**
 * The chair's confirmation after 修改后通过 (review_confirmations): the review, the chair, the confirmed
 * edition's manifest hash and the time, with kind "confirmation", the conclusion it confirms and no
 * opinion of its own.
 */
export function confirmationSignatureHash(c: { reviewId: string; chairId: string; manifestHash: string; signedAt: Date }): string {
  return signatureHash({
    reviewId: c.reviewId,
    signerId: c.chairId,
    kind: "confirmation",
    conclusion: "approve_with_changes",
    opinion: "",
    manifestHash: c.manifestHash,
    signedAt: c.signedAt.getTime(),
  });
}
