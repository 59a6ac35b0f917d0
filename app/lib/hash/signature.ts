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
