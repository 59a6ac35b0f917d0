import { createHash } from "node:crypto";

/** SM3 (GB/T 32905-2016, 国密), hex: Node 20's OpenSSL provides it beside SHA-256. */
export function sm3Hex(input: string): string {
  return createHash("sm3").update(input, "utf8").digest("hex");
}
