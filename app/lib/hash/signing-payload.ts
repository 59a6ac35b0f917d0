// The bytes a browser signature covers. Pure (no node:, no DOM): the server and the browser import
// the same function, so both sides build exactly the same string.
import { canonicalJson } from "./canonical-json";

export const signedKinds = ["signoff", "conclusion", "confirmation"] as const;
export type SignedKind = (typeof signedKinds)[number];

export interface SigningPayload {
  reviewId: string;
  /** the signer's user id */
  signerId: string;
  kind: SignedKind;
  conclusion: string;
  opinion: string;
  manifestHash: string;
  manifestSm3: string;
  /** ISO-8601, as the signer sent it */
  signedAt: string;
}

/** canonicalJSON({reviewId, signerId, kind, conclusion, opinion, manifestHash, manifestSm3, signedAt}). */
export function signingPayload(p: SigningPayload): string {
  return canonicalJson({
    reviewId: p.reviewId,
    signerId: p.signerId,
    kind: p.kind,
    conclusion: p.conclusion,
    opinion: p.opinion,
    manifestHash: p.manifestHash,
    manifestSm3: p.manifestSm3,
    signedAt: p.signedAt,
  });
}

/** A confirmation has no opinion of its own: it confirms 修改后通过 for the later edition's hashes. */
export const CONFIRMATION_CONCLUSION = "approve_with_changes";

/** base64url without padding (RFC 4648 §5), the form signatures travel in. */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  try {
    const bin = atob(b64);
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
