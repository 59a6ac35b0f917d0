import JSZip from "jszip";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { libreOfficeCan, libreOfficePdf } from "../../../tests/support/libreoffice";
import { blocksToDoc } from "~db/seed/build-content";
import { checkDocxUpload } from "./check.server";
import { type ExportInput, editionToDocx, headingText } from "./export.server";
import { docxToSections } from "./import.server";

const para = (text: string, marks?: unknown[]) => ({ type: "paragraph", content: [{ type: "text", text, ...(marks ? { marks } : {}) }] });

const sampleEdition: ExportInput = {
  planTitle: "某市国土空间生态修复规划（2021—2035年）",
  documentTitle: "规划文本",
  label: "征求意见稿（第二稿）",
  manifestHash: "3f9a1c0de4b2a7785f0c9e1d2b3a4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d",
  publishedAt: "2025-03-01T09:30:00+08:00",
  sections: [
    {
      number: "第一章",
      title: "总则",
      depth: 0,
      content: blocksToDoc([
        { p: "为推进生态文明建设，统筹山水林田湖草沙一体化保护和系统治理，制定本规划。" },
        { h: "规划依据" },
        { ol: ["《中华人民共和国土地管理法》", "《全国重要生态系统保护和修复重大工程总体规划（2021—2035年）》"] },
      ]),
    },
    {
      number: "第一节",
      title: "规划背景",
      depth: 1,
      content: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: "近年来，" },
              { type: "text", text: "矿山生态修复", marks: [{ type: "bold" }] },
              { type: "text", text: "取得成效，" },
              { type: "text", text: "详见自然资源部网站", marks: [{ type: "link", attrs: { href: "https://www.mnr.gov.cn" } }] },
              { type: "hardBreak" },
              { type: "text", text: "（续）", marks: [{ type: "italic" }, { type: "underline" }, { type: "strike" }] },
            ],
          },
          {
            type: "bulletList",
            content: [
              {
                type: "listItem",
                content: [para("水土流失治理"), { type: "bulletList", content: [{ type: "listItem", content: [para("坡耕地治理")] }] }],
              },
              { type: "listItem", content: [para("湿地保护")] },
            ],
          },
          { type: "blockquote", content: [para("引文")] },
        ],
      },
    },
    {
      number: "第二章",
      title: "目标与指标",
      depth: 0,
      content: blocksToDoc([
        { p: "到2035年，全市生态系统质量明显改善。" },
        {
          table: {
            head: ["指标名称", "单位", "2025年", "2035年"],
            rows: [
              ["森林覆盖率", "%", "12.5", "15.0"],
              ["湿地保护率", "%", "55", "60"],
            ],
          },
        },
        { ul: ["生态保护红线面积不减少", "自然保护地面积不减少"] },
      ]),
    },
    { number: "一、", title: "约束性指标", depth: 1, content: blocksToDoc([]) },
  ],
};

describe("editionToDocx", () => {
  let bytes: Buffer;
  let text: string;
  beforeAll(async () => {
    bytes = await editionToDocx(sampleEdition);
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
  });

  it("writes a .docx our own upload check accepts", async () => {
    expect(await checkDocxUpload(bytes, "export.docx")).toBeNull();
  });

  it("has the cover, numbered headings, body text, lists and table cells", () => {
    for (const s of [
      sampleEdition.planTitle,
      sampleEdition.label,
      "2025年3月1日",
      "第一章\u3000总则",
      "第一节\u3000规划背景",
      "一、约束性指标",
      "规划依据",
      "矿山生态修复",
      "坡耕地治理",
      "湿地保护率",
      "2035年",
    ]) {
      expect(text).toContain(s);
    }
  });

  it("puts the label and the manifest hash in the footer, with a page number", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const footers = await Promise.all(zip.file(/^word\/footer\d*\.xml$/).map((f) => f.async("string")));
    const xml = footers.join("");
    expect(xml).toContain(sampleEdition.label);
    expect(xml).toContain(sampleEdition.manifestHash);
    expect(xml).toMatch(/PAGE/);
    expect(xml).not.toContain("审计链"); // nothing invented when the caller gives no head
  });

  it("adds the SM3 digest and the audit head at export time when given", async () => {
    const head = { events: 128, sha256: "a".repeat(64), sm3: "b".repeat(64) };
    const zip = await JSZip.loadAsync(await editionToDocx({ ...sampleEdition, manifestSm3: "c".repeat(64), auditHead: head }));
    const xml = (await Promise.all(zip.file(/^word\/footer\d*\.xml$/).map((f) => f.async("string")))).join("");
    expect(xml).toContain(`SM3 ${"c".repeat(64)}`);
    expect(xml).toContain(`审计链 128 条 · SHA-256 ${"a".repeat(64)} · SM3 ${"b".repeat(64)}`);
  });

  it("sets the document properties and East Asian fonts", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain("生态修复规划评审平台");
    expect(core).toContain(sampleEdition.documentTitle);
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:eastAsia="宋体"');
    expect(styles).toContain('w:eastAsia="黑体"');
  });

  it("links only to http, https and mailto", async () => {
    const bad = {
      ...sampleEdition,
      sections: [
        {
          number: "",
          title: "链接",
          depth: 0 as const,
          content: {
            type: "doc",
            content: [
              para("坏", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
              para("好", [{ type: "link", attrs: { href: "mailto:a@b.cn" } }]),
            ],
          },
        },
      ],
    };
    const zip = await JSZip.loadAsync(await editionToDocx(bad));
    const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
    expect(rels).toContain("mailto:a@b.cn");
    expect(rels).not.toContain("javascript");
  });

  it("round-trips through the importer: same titles, levels and numbers, table header kept", async () => {
    const [cover, ...back] = (await docxToSections(bytes)).sections;
    // the cover page is text before the first heading, so it comes back as 前言
    expect(cover.title).toBe("前言");
    expect(back.map((s) => s.title)).toEqual(sampleEdition.sections.map((s) => s.title));
    expect(back.map((s) => s.level)).toEqual([1, 2, 1, 2]);
    expect(back.map((s) => s.number)).toEqual(["第一章", "第一节", "第二章", "一、"]);
    const table = JSON.stringify(back[2].content);
    expect(table).toContain('"tableHeader"');
    expect(table).toContain("森林覆盖率");
    expect(JSON.stringify(back[1].content)).toContain('"bold"');
  });

  it.skipIf(!libreOfficeCan("writer"))("opens in LibreOffice Writer with its headings and table", () => {
    const { text } = libreOfficePdf(Buffer.from(bytes), "edition.docx");
    if (text !== null) {
      for (const heading of ["总则", "规划背景", "目标与指标", "森林覆盖率"]) expect(text).toContain(heading);
    }
  });

  it("joins number and title with a full-width space unless the number ends in punctuation", () => {
    expect(headingText("第一章", "总则")).toBe("第一章\u3000总则");
    expect(headingText("一、", "总体要求")).toBe("一、总体要求");
    expect(headingText("", "附录")).toBe("附录");
  });
});
