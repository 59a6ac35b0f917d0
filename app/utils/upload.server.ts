// Request bodies with a hard cap: a body larger than the cap is refused (413) from its Content-Length
// before anything is read, or as soon as the stream passes the cap, so a 100 MB upload is never held.
import type { MessageKey } from "~/i18n";
import { DomainError } from "./errors";

/** Page forms (url-encoded, or multipart without a file): the same cap as server/security.mjs applies. */
export const MAX_FORM_BYTES = 64 * 1024;

/** Room for a multipart envelope and its text fields beside the file itself. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/** The whole body as bytes, at most `maxBytes`. */
export async function readBodyCapped(request: Request, maxBytes: number, tooLarge: MessageKey = "error.tooLarge"): Promise<Uint8Array> {
  const declared = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw new DomainError("too_large", tooLarge);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // stop reading (the rest is never held); the connection stays up so that the 413 reaches the client
    if (size > maxBytes) throw new DomainError("too_large", tooLarge);
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A url-encoded or multipart form of at most `maxBytes`, parsed once the capped body is in. */
export async function readFormCapped(request: Request, maxBytes: number, tooLarge: MessageKey = "error.tooLarge"): Promise<FormData> {
  const bytes = await readBodyCapped(request, maxBytes, tooLarge);
  try {
    return await new Response(new Blob([new Uint8Array(bytes)]), {
      headers: { "Content-Type": request.headers.get("Content-Type") ?? "application/x-www-form-urlencoded" },
    }).formData();
  } catch {
    throw new DomainError("invalid", "error.invalid", {}, { issues: [{ path: "", message: "malformed form" }] });
  }
}

export const isMultipart = (request: Request) =>
  (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");

/** A chosen file of a form as its name and bytes; null when the field is empty. */
export async function formFile(form: FormData, field: string): Promise<{ name: string; bytes: Uint8Array } | null> {
  const value = form.get(field);
  if (!value || typeof value === "string" || value.size === 0) return null;
  return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}

/** The text fields of a form as a plain object (files left out). */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") out[k] = v;
  return out;
}
