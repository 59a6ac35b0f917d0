import { matchesEtag } from "~/lib/hash/etag";

/**
 * The answer for a representation that never changes for whoever may read it: 304 with no body when
 * the client already holds it (If-None-Match), else the bytes, with a strong ETag. `private, no-cache`:
 * a browser keeps it but asks each time, so the caller's permission check, which runs before this, is
 * never skipped; shared caches keep nothing.
 */
export function validatedResponse(
  request: Request,
  {
    body,
    etag,
    contentType,
    headers = {},
  }: { body: Uint8Array | string; etag: string; contentType: string; headers?: Record<string, string> },
): Response {
  const common = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie", ...headers };
  if (matchesEtag(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers: common });
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    status: 200,
    headers: { ...common, "Content-Type": contentType },
  });
}
