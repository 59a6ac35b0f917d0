import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { MAX_PART_BYTES, readReviewSheet } from "./review-sheet.server";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
const zipOf = async (files: Record<string, string>) => {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
};

describe("reading an uploaded review sheet", () => {
  it("reads the visible tables", async () => {
    const bytes = await zipOf({
      "word/document.xml": documentXml(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>专家一</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`),
    });
    expect((await readReviewSheet(bytes))?.tables).toEqual([[["专家一"]]]);
  });

  it("refuses a small upload whose document.xml inflates past the cap, without reading it whole", async () => {
    const bytes = await zipOf({
      "word/document.xml": documentXml(`<w:p><w:r><w:t>${"意".repeat(MAX_PART_BYTES / 3 + 1)}</w:t></w:r></w:p>`),
    });
    expect(bytes.length).toBeLessThan(MAX_PART_BYTES / 20);
    expect(await readReviewSheet(bytes)).toBeNull();
  });
});
