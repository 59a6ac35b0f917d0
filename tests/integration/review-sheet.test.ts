// 专家评审意见表: export, read back, and copies edited "in Word" (document.xml or the embedded data).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, like } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { editions, reviews } from "~db/schema";
import { concludeReview } from "../../app/models/review-conclusion.server";
import { createReview } from "../../app/models/review.server";
import { signOff } from "../../app/models/review-signoff.server";
import { exportReviewSheet, verifyReviewSheet } from "../../app/models/review-sheet.server";
import { editionSm3 } from "../../app/models/signing-key.server";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor, userId } from "./helpers";
import { newDevice } from "./signing-fixture";

let db: Db;
let cleanup: () => void;
const ctx: Record<string, Ctx> = {};
let reviewId = "";
let sheet: Buffer;
const opinion2 = "建议补充生态用水保障分析。\n第二段：细化实施时序。";

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  for (const u of ["drafter", "expert1", "expert2", "expert3", "gaotai"]) ctx[u] = await ctxFor(db, u);
  const e = db.select().from(editions).get()!;
  const manifestSm3 = editionSm3(db, e.id);
  reviewId = createReview(ctx.drafter, e.id, {
    title: "意见表测试审查",
    expertUserIds: ["expert1", "expert2", "expert3"].map((u) => userId(db, u)),
    chairUserId: userId(db, "expert1"),
    quorum: 2,
  }).id;
  const base = { reviewId, manifestHash: e.manifestHash, manifestSm3 };
  const d1 = await newDevice("Ed25519");
  const d2 = await newDevice("P-256");
  signOff(ctx.expert2, reviewId, {
    conclusion: "approve_with_changes",
    opinion: opinion2,
    manifestHash: e.manifestHash,
    ...(await d2.sign({
      ...base,
      signerId: userId(db, "expert2"),
      kind: "signoff",
      conclusion: "approve_with_changes",
      opinion: opinion2,
    })),
  });
  signOff(ctx.expert1, reviewId, {
    conclusion: "approve",
    opinion: "同意。",
    manifestHash: e.manifestHash,
    ...(await d1.sign({ ...base, signerId: userId(db, "expert1"), kind: "signoff", conclusion: "approve", opinion: "同意。" })),
  });
  const panel = { conclusion: "approve_with_changes", opinion: "专家组同意修改完善后报批。" };
  concludeReview(ctx.expert1, reviewId, {
    ...panel,
    conditions: ["补充生态用水保障分析。"],
    ...(await d1.sign({ ...base, signerId: userId(db, "expert1"), kind: "conclusion", ...panel })),
  });
  sheet = (await exportReviewSheet(ctx.drafter, reviewId)).buffer;
});
afterAll(() => cleanup());

async function edited(fn: (zip: JSZip) => Promise<void>) {
  const zip = await JSZip.loadAsync(sheet);
  await fn(zip);
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}

describe("the sheet", () => {
  it("is a .docx with every expert, opinion, hash, signature, key and the audit head", async () => {
    const zip = await JSZip.loadAsync(sheet);
    const xml = await zip.file("word/document.xml")!.async("string");
    const e = db.select().from(editions).get()!;
    for (const text of [
      "专家评审意见表",
      "意见表测试审查",
      e.label,
      e.manifestHash,
      editionSm3(db, e.id),
      "修改后通过",
      "建议补充生态用水保障分析。",
      "补充生态用水保障分析。",
      "Ed25519",
      "ECDSA-P256",
      "审计链",
      '"crv":"P-256"',
    ])
      expect(xml).toContain(text.replace(/"/g, "&quot;"));
    expect(await zip.file("docProps/custom.xml")!.async("string")).toContain("portal.reviewSheet");
  });

  it("is read back as matching, line by line", async () => {
    const result = await verifyReviewSheet(ctx.gaotai, { bytes: new Uint8Array(sheet) });
    expect(result.ok).toBe(true);
    expect(result.lines.map((l) => [l.kind, l.ok])).toEqual([
      ["header", true],
      ["signoff", true],
      ["signoff", true],
      ["conclusion", true],
    ]);
  });

  it("refuses a copy whose opinion was edited in Word, naming the line", async () => {
    const copy = await edited(async (zip) => {
      const xml = await zip.file("word/document.xml")!.async("string");
      zip.file("word/document.xml", xml.replace("第二段：细化实施时序。", "第二段：不必细化。"));
    });
    const result = await verifyReviewSheet(ctx.gaotai, { bytes: copy });
    expect(result.ok).toBe(false);
    const bad = result.lines.filter((l) => !l.ok);
    expect(bad).toEqual(
      [{ kind: "signoff", name: "专家二", ok: false, reasons: [{ key: "text", field: "opinion" }] }].map((l) => ({
        ...l,
        name: expect.any(String),
      })),
    );
  });

  it("refuses a copy whose embedded data or conditions were changed", async () => {
    const copy = await edited(async (zip) => {
      const xml = await zip.file("docProps/custom.xml")!.async("string");
      zip.file("docProps/custom.xml", xml.replace("同意。", "同意（已改）。"));
      const doc = await zip.file("word/document.xml")!.async("string");
      zip.file("word/document.xml", doc.replace("1. 补充生态用水保障分析。", "1. 无。"));
    });
    const result = await verifyReviewSheet(ctx.gaotai, { bytes: copy });
    const bad = result.lines.filter((l) => !l.ok);
    expect(bad.map((l) => [l.kind, l.reasons])).toEqual([
      ["signoff", [{ key: "data" }]],
      ["conclusion", [{ key: "text", field: "conditions" }]],
    ]);
  });

  it("refuses a file that is not a sheet", async () => {
    const other = await new JSZip().file("word/document.xml", "<x/>").generateAsync({ type: "uint8array" });
    for (const bytes of [other, new TextEncoder().encode("not a zip")]) {
      await expect(verifyReviewSheet(ctx.gaotai, { bytes })).rejects.toMatchObject({ status: 400, messageKey: "verify.notSheet" });
    }
    await expect(verifyReviewSheet(ctx.gaotai, null)).rejects.toMatchObject({ status: 400, messageKey: "verify.fileRequired" });
    await expect(verifyReviewSheet(ctx.gaotai, { bytes: new Uint8Array(5 * 1024 * 1024 + 1) })).rejects.toMatchObject({ status: 413 });
  });

  it("a demo review's sheet (records from before browser keys) verifies too", async () => {
    const demo = db.select().from(reviews).where(like(reviews.title, "%临泽%")).get()!;
    const { buffer } = await exportReviewSheet(ctx.drafter, demo.id);
    const result = await verifyReviewSheet(ctx.drafter, { bytes: new Uint8Array(buffer) });
    expect(result.ok).toBe(true);
    expect(result.lines.filter((l) => l.kind === "signoff")).toHaveLength(3);
    expect(db.select().from(reviews).where(eq(reviews.id, demo.id)).get()).toBeTruthy();
  });

  it("opens in LibreOffice: the PDF shows the edition label and the hash", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sheet-"));
    try {
      const file = path.join(dir, "sheet.docx");
      writeFileSync(file, sheet);
      execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, file], {
        timeout: 120_000,
        stdio: "ignore",
      });
      const text = execFileSync("pdftotext", [path.join(dir, "sheet.pdf"), "-"], { encoding: "utf8" });
      const e = db.select().from(editions).get()!;
      expect(text).toContain(e.label);
      expect(text.replace(/\s/g, "")).toContain(e.manifestHash);
      expect(text).toContain("专家评审意见表");
      expect(readFileSync(path.join(dir, "sheet.pdf")).subarray(0, 4).toString()).toBe("%PDF");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
