import { createHash } from "node:crypto";

/** A strong validator for exactly these bytes. */
export function strongEtag(body: Uint8Array | string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Does the request's If-None-Match name this ETag (or `*`)? Weak forms match too (RFC 9110: weak comparison for GET). */
export function matchesEtag(request: Request, etag: string): boolean {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * The answer for a representation that never changes for whoever may read it: 304 with no body when
 * the client already holds it, else the bytes. `private, no-cache`: a browser keeps it but asks each
 * time, so the permission check still runs per request before the 304; shared caches keep nothing.
 */
export function validatedResponse(request: Request, { body, etag, contentType, headers = {} }: { body: Uint8Array | string; etag: string; contentType: string; headers?: Record<string, string> }): Response {
  const common = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie", ...headers };
  if (matchesEtag(request, etag)) return new Response(null, { status: 304, headers: common });
  return new Response(typeof body === "string" ? body : new Uint8Array(body), { status: 200, headers: { ...common, "Content-Type": contentType } });
}
