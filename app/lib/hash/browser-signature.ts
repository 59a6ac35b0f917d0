// Checking a signature made in a browser with WebCrypto: the public key arrives as a JWK (EC P-256 or
// OKP Ed25519, public members only), the signature as base64url (P-256: raw r‖s over SHA-256).
import { createPublicKey, verify } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import { sha256Hex } from "./sha256";
import { fromBase64Url } from "./signing-payload";

export type SigningAlgorithm = "ECDSA-P256" | "Ed25519";
export type PublicJwk = { kty: "EC"; crv: "P-256"; x: string; y: string } | { kty: "OKP"; crv: "Ed25519"; x: string };

const b64url = /^[A-Za-z0-9_-]+$/;
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];

/**
 * The public JWK reduced to the members that define the key, or null when it is not an EC P-256 or
 * OKP Ed25519 public key (a JWK carrying a private member is refused, not stripped: its owner leaked it).
 */
export function parsePublicJwk(value: unknown): { jwk: PublicJwk; algorithm: SigningAlgorithm } | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const j = value as Record<string, unknown>;
  if (PRIVATE_MEMBERS.some((m) => m in j)) return null;
  const str = (k: string) => (typeof j[k] === "string" && b64url.test(j[k] as string) ? (j[k] as string) : null);
  let result: { jwk: PublicJwk; algorithm: SigningAlgorithm } | null = null;
  if (j.kty === "EC" && j.crv === "P-256") {
    const x = str("x");
    const y = str("y");
    if (x && y && x.length === 43 && y.length === 43) result = { jwk: { kty: "EC", crv: "P-256", x, y }, algorithm: "ECDSA-P256" };
  } else if (j.kty === "OKP" && j.crv === "Ed25519") {
    const x = str("x");
    if (x && x.length === 43) result = { jwk: { kty: "OKP", crv: "Ed25519", x }, algorithm: "Ed25519" };
  }
  if (!result) return null;
  try {
    createPublicKey({ key: result.jwk, format: "jwk" }); // a point that is not on the curve is refused here
  } catch {
    return null;
  }
  return result;
}

/** The key's fingerprint: SHA-256 (hex) of the canonical JSON of its public JWK members. */
export function jwkFingerprint(jwk: PublicJwk): string {
  return sha256Hex(canonicalJson(jwk));
}

/** Whether `signature` (base64url) is `jwk`'s signature over the UTF-8 bytes of `payload`. */
export function verifyBrowserSignature(jwk: PublicJwk, payload: string, signature: string): boolean {
  const sig = fromBase64Url(signature);
  if (!sig || sig.length === 0) return false;
  try {
    const key = createPublicKey({ key: jwk, format: "jwk" });
    const data = Buffer.from(payload, "utf8");
    if (jwk.kty === "OKP") return verify(null, data, key, sig);
    return verify("sha256", data, { key, dsaEncoding: "ieee-p1363" }, sig);
  } catch {
    return false;
  }
}
