import { randomBytes } from "node:crypto";

const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

/** A random, URL-safe id with a short readable prefix, e.g. `sec_4kz9…` (80 bits of randomness). */
export function newId(prefix: string): string {
  const bytes = randomBytes(16);
  let out = "";
  for (let i = 0; i < 16; i++) out += alphabet[bytes[i] & 31];
  return `${prefix}_${out}`;
}
