import { createHash } from "node:crypto";

/**
 * A small LRU for rendered HTML. Revisions never change, so the same content (and the same
 * highlights) always renders the same; Tiptap's server renderer builds a DOM per call, which is the
 * reading view's main cost.
 */
export function lruCache<V>(max: number) {
  const map = new Map<string, V>();
  return {
    get(key: string, compute: () => V): V {
      const hit = map.get(key);
      if (hit !== undefined) {
        map.delete(key);
        map.set(key, hit);
        return hit;
      }
      const value = compute();
      map.set(key, value);
      if (map.size > max) map.delete(map.keys().next().value!);
      return value;
    },
    get size() {
      return map.size;
    },
  };
}

export const cacheKey = (...parts: unknown[]) => createHash("sha1").update(JSON.stringify(parts)).digest("base64");
