import { randomFillSync } from "node:crypto";

const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

// random bytes fetched from the OS 4 KB at a time (as crypto.randomUUID does), not one call per id
const pool = Buffer.alloc(4096);
let used = pool.length;

/** A random, URL-safe id with a short readable prefix, e.g. `sec_4kz9…` (80 bits of randomness). */
export function newId(prefix: string): string {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let out = "";
  for (let i = 0; i < 16; i++) out += alphabet[pool[used + i] & 31];
  used += 16;
  return `${prefix}_${out}`;
}
