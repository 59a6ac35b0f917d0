import JSZip from "jszip";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { libreOfficeCan, libreOfficePdf } from "../../../tests/support/libreoffice";
import { HASH, record } from "./fixture";
import { signedTime, signoffRecordDocx } from "./signoff-record";

describe("the 专家评审意见表", () => {
  let bytes: Buffer;
  let text: string;
  let doc: string;
  beforeAll(async () => {
    bytes = await signoffRecordDocx([record], "2026-12-02T09:30:00+08:00");
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
    doc = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  });

  it("names the edition and its hash", () => {
    for (const s of [
      "专家评审意见表",
      record.planTitle,
      "规划文本（送审稿）",
      `SHA-256：${"a".repeat(64)}`,
      "2026年11月10日",
      "2 名专家签署意见（法定人数 4 人）",
    ])
      expect(text).toContain(s);
  });

  it("gives each expert's conclusion, opinion, time and signature", () => {
    for (const s of [
      "周德明",
      "吴佩兰",
      "修改后通过",
      "通过",
      "建议补充分区指标分解表。",
      "水资源约束分析需加强。",
      "2026年11月10日 15:04",
      "b".repeat(64),
      "c".repeat(64),
    ])
      expect(text).toContain(s);
    expect(text.indexOf("周德明")).toBeLessThan(text.indexOf("吴佩兰"));
  });

  it("gives the panel conclusion and the chair's confirmation", () => {
    expect(text).toContain("结论：修改后通过");
    expect(text).toContain("专家组同意规划文本修改完善后报批。");
    expect(text).toContain("d".repeat(64));
    expect(text).toContain("专家组组长周德明于2026年11月28日 10:00确认：专家组的修改意见已在规划文本（报批稿）中落实。");
    expect(text).toContain(`确认稿次摘要：${HASH}`);
    expect(text).toContain("e".repeat(64));
  });

  it("marks a signature that no longer matches", async () => {
    const broken = await signoffRecordDocx(
      [{ ...record, signoffs: [{ ...record.signoffs[0], valid: false }] }],
      "2026-12-02T09:30:00+08:00",
    );
    expect((await mammoth.extractRawText({ buffer: broken })).value).toContain("（签名与记录不符）");
    expect(text).not.toContain("签名与记录不符");
  });

  it("is in 仿宋_GB2312 with a 黑体 heading, page numbers in the footer", () => {
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc).toContain('w:eastAsia="黑体"');
    expect(signedTime("2026-11-10T07:04:05Z")).toBe("2026年11月10日 15:04");
  });

  it.skipIf(!libreOfficeCan("writer"))(
    "opens in LibreOffice Writer",
    () => {
      const { pdf, text } = libreOfficePdf(bytes, "signoffs.docx");
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      if (text !== null) expect(text.replace(/\s/g, "")).toContain("专家评审意见表");
    },
    120_000,
  );
});
