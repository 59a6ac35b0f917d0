import JSZip from "jszip";
import { declaredTotal, inflatesWithin, OLE_MAGIC, readCapped, startsWith, ZIP_MAGIC } from "../zip-limits.server";

export const MAX_DOCX_BYTES = 20 * 1024 * 1024;
/** What all parts may inflate to together: a plan text with its tables is a few MB unpacked (images,
 * which are dropped, make up the rest); zip bombs are far above. */
export const MAX_UNZIPPED_BYTES = 30 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

export type DocxProblem =
  | { kind: "empty" }
  | { kind: "too_large"; bytes: number }
  | { kind: "unpacked_too_large" }
  | { kind: "not_docx"; reason: string };

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
  if (declaredTotal(entries) > MAX_UNZIPPED_BYTES) return { kind: "unpacked_too_large" };

  const types = zip.file("[Content_Types].xml");
  if (!types || !zip.file("word/document.xml")) return { kind: "not_docx", reason: `${named}是压缩包，但不是 Word 文档（.docx）。` };
  const typesXml = await readCapped(types, 1024 * 1024);
  if (typesXml === null || !typesXml.includes("wordprocessingml.document.main+xml")) {
    return { kind: "not_docx", reason: `${named}不是 Word 文档（.docx），可能是其他 Office 文件。` };
  }

  // JSZip only notices a size that lied after inflating the whole entry; count while inflating
  // and stop early, so a lying bomb is refused here rather than exhausting memory in mammoth.
  const inflated = await inflatesWithin(entries, MAX_UNZIPPED_BYTES);
  if (inflated === "over") return { kind: "unpacked_too_large" };
  if (inflated === "broken") return { kind: "not_docx", reason: `${named}已损坏，无法解压。` };
  return null;
}
