/**
 * A least-recently-used cache bounded by bytes, not by entries: one huge value cannot keep a thousand
 * small ones out, and the total the cache holds never exceeds `maxBytes`. A value larger than a
 * quarter of the bound is computed and returned but not kept (it would evict most of the cache).
 * Strings count as UTF-16 in memory (2 bytes a code unit), buffers by their length; pass `sizeOf`
 * for anything else. A string is flattened before it is kept (see `flatten`), so what it counts is
 * what it holds.
 */
export interface ByteLru<V> {
  get(key: string, compute: () => V): V;
  peek(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly bytes: number;
  readonly size: number;
  readonly maxBytes: number;
  /** Changes the bound (evicting down to it): for tests and for an operator's setting. */
  resize(maxBytes: number): void;
}

const KEY_OVERHEAD = 64;

export function sizeOfValue(value: unknown): number {
  if (typeof value === "string") return value.length * 2;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value && typeof value === "object" && "bytes" in value && typeof (value as { bytes: unknown }).bytes === "number")
    return (value as { bytes: number }).bytes;
  return JSON.stringify(value ?? null).length * 2;
}

/**
 * V8 keeps a string built by concatenation (HTML from a serialiser, `+=` in a loop) as a tree of its
 * pieces — measured at 2.2–2.6× its UTF-16 size for rendered sections — until something reads it as a
 * whole. Converting it to a number is such a read: V8 flattens the string in place into one sequence of
 * characters (same value, same identity), and the pieces become garbage.
 */
export function flatten<V>(value: V): V {
  if (typeof value === "string") Number(value);
  return value;
}

export function byteLru<V>(maxBytes: number, sizeOf: (value: V) => number = sizeOfValue): ByteLru<V> {
  const map = new Map<string, { value: V; bytes: number }>();
  let total = 0;
  const remove = (key: string) => {
    const entry = map.get(key);
    if (!entry) return;
    map.delete(key);
    total -= entry.bytes;
  };
  const set = (key: string, value: V) => {
    remove(key);
    const bytes = sizeOf(value) + key.length * 2 + KEY_OVERHEAD;
    if (bytes > maxBytes / 4) return;
    map.set(key, { value: flatten(value), bytes });
    total += bytes;
    while (total > maxBytes) remove(map.keys().next().value!);
  };
  const peek = (key: string) => {
    const hit = map.get(key);
    if (!hit) return undefined;
    map.delete(key);
    map.set(key, hit);
    return hit.value;
  };
  return {
    get(key, compute) {
      const hit = peek(key);
      if (hit !== undefined) return hit;
      const value = compute();
      set(key, value);
      return value;
    },
    peek,
    set,
    get bytes() {
      return total;
    },
    get size() {
      return map.size;
    },
    get maxBytes() {
      return maxBytes;
    },
    resize(bound) {
      maxBytes = bound;
      while (total > maxBytes) remove(map.keys().next().value!);
    },
  };
}
