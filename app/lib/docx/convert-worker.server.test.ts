import { describe, expect, it } from "vitest";
import { makeSampleDocx } from "../../../tests/fixtures/make-docx";
import { ConversionError, convertDocxInWorker } from "./convert-worker.server";

describe("convertDocxInWorker", () => {
  it("converts a real .docx in a worker: headings, text, dropped images", async () => {
    const r = await convertDocxInWorker(await makeSampleDocx());
    expect(r.html).toContain("<h1>第一章 总则</h1>");
    expect(r.html).toContain("统筹山水林田湖草沙");
    expect(r.imagesDropped).toBe(1);
    expect(Array.isArray(r.messages)).toBe(true);
  });

  it("stops a conversion that runs past its time limit", async () => {
    const started = Date.now();
    const e = await convertDocxInWorker(await makeSampleDocx(), { timeoutMs: 1 }).catch((x) => x);
    expect(e).toBeInstanceOf(ConversionError);
    expect(e.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("stops a conversion that needs more memory than its limit, and this process carries on", async () => {
    const e = await convertDocxInWorker(await makeSampleDocx(), { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 }).catch((x) => x);
    expect(e).toBeInstanceOf(ConversionError);
    expect(e.kind).toBe("out_of_memory");
    // the next one, with the normal limits, works
    expect((await convertDocxInWorker(await makeSampleDocx())).html).toContain("总则");
  });

  it("reports a file mammoth cannot read as failed, not as a crash", async () => {
    const e = await convertDocxInWorker(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])).catch((x) => x);
    expect(e).toBeInstanceOf(ConversionError);
    expect(e.kind).toBe("failed");
  });
});
