import JSZip from "jszip";

export const MAX_DOCX_BYTES = 20 * 1024 * 1024;
/** What all parts may inflate to together: a plan text with its tables is a few MB unpacked (images,
 * which are dropped, make up the rest); zip bombs are far above. */
export const MAX_UNZIPPED_BYTES = 30 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

export type DocxProblem = { kind: "empty" } | { kind: "too_large"; bytes: number } | { kind: "unpacked_too_large" } | { kind: "not_docx"; reason: string };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04"
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // Word 97–2003 .doc (and .xls/.ppt)

/**
 * Decides from the bytes alone (the name and extension are the uploader's claim, not evidence)
 * whether an upload is a Word .docx we are willing to hand to mammoth. Returns null when it is.
 */
export async function checkDocxUpload(bytes: Uint8Array, declaredName?: string): Promise<DocxProblem | null> {
  if (bytes.length === 0) return { kind: "empty" };
  if (bytes.length > MAX_DOCX_BYTES) return { kind: "too_large", bytes: bytes.length };
  if (startsWith(bytes, OLE_MAGIC)) {
    return { kind: "not_docx", reason: "这是旧版 Word 文档格式（.doc），请在 Word 或 WPS 中“另存为” .docx 后再上传。" };
  }
  const named = declaredName ? `“${declaredName}”` : "该文件";
  if (!startsWith(bytes, ZIP_MAGIC)) return { kind: "not_docx", reason: `${named}不是 Word 文档（.docx）。` };

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { kind: "not_docx", reason: `${named}已损坏，无法作为 .docx 打开。` };
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > MAX_ENTRIES) return { kind: "not_docx", reason: "文件中包含的部件过多，不像是 Word 文档。" };

  // The central directory's sizes are cheap to read but are only what the file claims.
  const declared = entries.reduce((sum, f) => sum + declaredSize(f), 0);
  if (declared > MAX_UNZIPPED_BYTES) return { kind: "unpacked_too_large" };

  const types = zip.file("[Content_Types].xml");
  if (!types || !zip.file("word/document.xml")) return { kind: "not_docx", reason: `${named}是压缩包，但不是 Word 文档（.docx）。` };
  const typesXml = await readCapped(types, 1024 * 1024);
  if (typesXml === null || !typesXml.includes("wordprocessingml.document.main+xml")) {
    return { kind: "not_docx", reason: `${named}不是 Word 文档（.docx），可能是其他 Office 文件。` };
  }

  // JSZip only notices a size that lied after inflating the whole entry; count while inflating
  // and stop early, so a lying bomb is refused here rather than exhausting memory in mammoth.
  let budget = MAX_UNZIPPED_BYTES;
  for (const entry of entries) {
    const used = await inflatedSize(entry, budget);
    if (used === "over") return { kind: "unpacked_too_large" };
    if (used === "broken") return { kind: "not_docx", reason: `${named}已损坏，无法解压。` };
    budget -= used;
  }
  return null;
}

/** JSZip keeps the declared uncompressed size on a private field of loaded entries. */
function declaredSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === "number" ? size : 0;
}

/** Bytes an entry really inflates to; "over" as soon as the count passes `limit`; "broken" when unreadable. */
function inflatedSize(file: JSZip.JSZipObject, limit: number): Promise<number | "over" | "broken"> {
  return new Promise((resolve) => {
    let total = 0;
    const stream = file.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer) => {
      total += chunk.length;
      // a paused stream stops pulling from JSZip, so inflating stops; the rest is garbage
      if (total > limit) {
        stream.pause();
        resolve("over");
      }
    });
    stream.on("end", () => resolve(total));
    stream.on("error", () => resolve("broken")); // resolving twice is a no-op
  });
}

async function readCapped(file: JSZip.JSZipObject, limit: number): Promise<string | null> {
  if (typeof (await inflatedSize(file, limit)) !== "number") return null;
  return file.async("string");
}
