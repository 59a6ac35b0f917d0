import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { makeSampleDocx } from "../../../tests/fixtures/make-docx";
import { checkDocxUpload, MAX_DOCX_BYTES, MAX_UNZIPPED_BYTES } from "./check.server";

const zipOf = async (files: Record<string, string | Uint8Array>) => {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
};

/** Rewrites the uncompressed size of every *.bin entry in the local and central headers. */
function lieAboutSize(bytes: Uint8Array, size: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameAt = (at: number, len: number) => new TextDecoder().decode(bytes.subarray(at, at + len));
  for (let i = 0; i + 46 < bytes.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true)).endsWith(".bin")) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true)).endsWith(".bin")) view.setUint32(i + 24, size, true);
  }
  return bytes;
}

describe("checkDocxUpload", () => {
  it("accepts a real .docx", async () => {
    expect(await checkDocxUpload(await makeSampleDocx(), "规划.docx")).toBeNull();
  });

  it("refuses a text file renamed .docx", async () => {
    const problem = await checkDocxUpload(new TextEncoder().encode("第一章 总则\n本规划……"), "规划.docx");
    expect(problem?.kind).toBe("not_docx");
  });

  it("refuses a zip that is not a Word document", async () => {
    const bytes = await zipOf({ "[Content_Types].xml": "<Types/>", "readme.txt": "hello" });
    expect(await checkDocxUpload(bytes, "a.docx")).toMatchObject({ kind: "not_docx" });
  });

  it("refuses an .xlsx (content types of another Office format)", async () => {
    const types =
      '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
    const bytes = await zipOf({ "[Content_Types].xml": types, "word/document.xml": "<w:document/>" });
    expect(await checkDocxUpload(bytes)).toMatchObject({ kind: "not_docx" });
  });

  it("refuses a corrupt zip", async () => {
    const bytes = new Uint8Array(200);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await checkDocxUpload(bytes)).toMatchObject({ kind: "not_docx" });
  });

  it("tells the uploader that a legacy .doc must be saved as .docx", async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const problem = await checkDocxUpload(ole, "规划.doc");
    expect(problem?.kind).toBe("not_docx");
    expect(problem?.kind === "not_docx" && problem.reason).toMatch(/旧版.*\.docx/);
  });

  it("refuses an empty upload", async () => {
    expect(await checkDocxUpload(new Uint8Array(0))).toEqual({ kind: "empty" });
  });

  it("refuses anything over 20 MB before looking inside", async () => {
    expect(await checkDocxUpload(new Uint8Array(MAX_DOCX_BYTES + 1))).toEqual({ kind: "too_large", bytes: MAX_DOCX_BYTES + 1 });
  });

  describe("zip bombs", () => {
    const types =
      '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const bomb = (megabytes: number) =>
      zipOf({
        "[Content_Types].xml": types,
        "word/document.xml": "<w:document/>",
        "word/media/bomb.bin": new Uint8Array(megabytes * 1024 * 1024),
      });

    it("caps the unpacked document at 30 MB", () => {
      expect(MAX_UNZIPPED_BYTES).toBe(30 * 1024 * 1024);
    });

    it("refuses a file whose declared sizes add up past the limit, from the central directory alone", async () => {
      const bytes = lieAboutSize(await bomb(1), 300 * 1024 * 1024);
      expect(await checkDocxUpload(bytes)).toMatchObject({ kind: "unpacked_too_large" });
    });

    it("refuses an honest 35 MB bomb (a small file that says what it unpacks to)", async () => {
      const bytes = await bomb(35);
      expect(bytes.length).toBeLessThan(1024 * 1024);
      expect(await checkDocxUpload(bytes)).toMatchObject({ kind: "unpacked_too_large" });
    });

    it("refuses a file that declares a small size but inflates past the limit (counted while inflating)", async () => {
      const bytes = lieAboutSize(await bomb(40), 100);
      expect(bytes.length).toBeLessThan(MAX_DOCX_BYTES);
      expect(await checkDocxUpload(bytes)).toMatchObject({ kind: "unpacked_too_large" });
    });

    it("accepts a document that unpacks to a little under the limit", async () => {
      expect(await checkDocxUpload(await bomb(25))).toBeNull();
    });
  });
});
