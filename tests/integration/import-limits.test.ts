// Word import against hostile files: refused with 413 and a message in both languages, before mammoth
// runs; a normal document still previews.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../app/i18n";
import { previewImport } from "../../app/models/import.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { makeSampleDocx } from "../fixtures/make-docx";
import { createTestDb, ctxFor } from "./helpers";

let t: ReturnType<typeof createTestDb>;
let drafter: Ctx;
let documentId: string;
beforeAll(async () => {
  t = createTestDb();
  drafter = await ctxFor(t.db, "drafter");
  const row = t.db.$client
    .prepare("select d.id from documents d join plans p on p.id = d.plan_id where p.level = 'city' and d.kind = 'text'")
    .get() as { id: string };
  documentId = row.id;
});
afterAll(() => t?.cleanup());

const types =
  '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
async function bomb(megabytes: number) {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", types);
  zip.file(
    "word/document.xml",
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
  );
  zip.file("word/media/image1.bin", new Uint8Array(megabytes * 1024 * 1024));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("Word import limits", () => {
  it("a zip bomb (a small file that unpacks past 30 MB) → 413 too_large, said in Chinese and English", async () => {
    const bytes = await bomb(60);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const e = await previewImport(drafter, documentId, { name: "炸弹.docx", bytes }).catch((x) => x);
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe("too_large");
    expect(e.messageKey).toBe("import.unpackedTooLarge");
    expect(translator("zh-CN")(e.messageKey)).toContain("30 MB");
    expect(translator("en")(e.messageKey)).toContain("30 MB");
    expect(t.db.$client.prepare("select count(*) n from document_imports").get()).toEqual({ n: 0 });
  });

  it("a normal document still previews", async () => {
    const { id } = await previewImport(drafter, documentId, { name: "规划.docx", bytes: await makeSampleDocx() });
    expect(id).toMatch(/^imp/);
  });
});
