// The Word import page over HTTP against the built server: a zip bomb is refused with 413 and the
// reason in the user's language, the server keeps answering, and a real document still converts
// (mammoth in its worker, resolved from the built bundle).
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSampleDocx } from "../fixtures/make-docx";
import { startServer, type TestServer } from "./server";

let s: TestServer;
let drafter: string;
let documentId: string;
beforeAll(async () => {
  s = await startServer();
  drafter = await s.loginAs("drafter");
  const plans = await (await s.get("/api/v1/plans", drafter)).json();
  const city = plans.find((p: { level: string }) => p.level === "city");
  const detail = await (await s.get(`/api/v1/plans/${city.id}`, drafter)).json();
  documentId = detail.documents.find((d: { kind: string }) => d.kind === "text").id;
});
afterAll(() => s?.stop());

const upload = (bytes: Uint8Array, name: string) => {
  const form = new FormData();
  form.set(
    "file",
    new File([new Uint8Array(bytes)], name, { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }),
  );
  return fetch(`${s.base}/documents/${documentId}/import`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: s.base, Cookie: drafter },
    body: form,
  });
};

describe("Word import over HTTP", () => {
  it("refuses a zip bomb with 413 and says why; the server keeps answering", async () => {
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    zip.file("word/document.xml", "<w:document/>");
    zip.file("word/media/image1.bin", new Uint8Array(100 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const res = await upload(bytes, "炸弹.docx");
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("文件解压后超过 30 MB 上限");
    expect((await s.get("/healthz")).status).toBe(200);
  });

  it("a real document still converts into a preview", async () => {
    const res = await upload(await makeSampleDocx(), "规划.docx");
    expect(res.status).toBe(302);
    const to = res.headers.get("location") ?? "";
    expect(to).toMatch(/\?import=imp/);
    const page = await s.get(to, drafter);
    expect(await page.text()).toContain("规划背景");
  });
});
