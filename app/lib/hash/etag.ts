import { createHash } from "node:crypto";

/** A strong HTTP validator for exactly these bytes (a quoted, URL-safe SHA-256 prefix). */
export function strongEtag(body: Uint8Array | string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Does an If-None-Match header name this ETag (or `*`)? Weak forms match too (RFC 9110: weak comparison for GET). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}
