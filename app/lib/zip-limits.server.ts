// Reading an uploaded zip (.docx, .xlsx) without trusting it: the central directory's sizes are only
// what the file claims, so entries are also counted while they inflate, and inflating stops as soon as
// the count passes its limit (a paused stream stops pulling from JSZip). One place for every upload.
import type JSZip from "jszip";

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04"
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // Office 97–2003 .doc / .xls / .ppt

export const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** JSZip keeps the declared uncompressed size on a private field of loaded entries. */
function declaredSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === "number" ? size : 0;
}

/** What the entries claim they unpack to, together. */
export function declaredTotal(entries: JSZip.JSZipObject[]): number {
  return entries.reduce((sum, f) => sum + declaredSize(f), 0);
}

/** Bytes an entry really inflates to; "over" as soon as the count passes `limit`; "broken" when unreadable. */
export function inflatedSize(file: JSZip.JSZipObject, limit: number): Promise<number | "over" | "broken"> {
  return new Promise((resolve) => {
    let total = 0;
    const stream = file.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        stream.pause();
        resolve("over");
      }
    });
    stream.on("end", () => resolve(total));
    stream.on("error", () => resolve("broken")); // resolving twice is a no-op
  });
}

/** Every entry inflated in turn against one shared budget: "ok", or the first "over" / "broken". */
export async function inflatesWithin(entries: JSZip.JSZipObject[], budget: number): Promise<"ok" | "over" | "broken"> {
  for (const entry of entries) {
    const used = await inflatedSize(entry, budget);
    if (typeof used !== "number") return used;
    budget -= used;
  }
  return "ok";
}

/** An entry as text, or null when it inflates past `limit` or is unreadable. */
export async function readCapped(file: JSZip.JSZipObject, limit: number): Promise<string | null> {
  if (typeof (await inflatedSize(file, limit)) !== "number") return null;
  return file.async("string");
}
