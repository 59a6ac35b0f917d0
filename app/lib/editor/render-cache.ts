import { createHash } from "node:crypto";
import { byteLru } from "../cache/byte-lru";

/**
 * Caches for rendered HTML, bounded by bytes (lib/cache/byte-lru.ts). Revisions never change, so the
 * same content (and the same highlights) always renders the same; Tiptap's server renderer builds a
 * DOM per call, which is the reading view's main cost. `maxBytes` counts the strings as held in memory.
 */
export function htmlCache(maxBytes: number) {
  return byteLru<string>(maxBytes);
}

export const cacheKey = (...parts: unknown[]) => createHash("sha1").update(JSON.stringify(parts)).digest("base64");
