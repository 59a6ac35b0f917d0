import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { beforeAll, describe, expect, it } from "vitest";
import { makeSampleDocx, SAMPLE_HEADINGS } from "../../../tests/fixtures/make-docx";
import { parseContent } from "../editor/schema";
import { deriveText } from "../editor/text";
import { docxToSections, type ImportResult, splitNumber } from "./import.server";

type J = { type: string; attrs?: Record<string, unknown>; content?: J[]; marks?: { type: string }[]; text?: string };
const all = (node: J): J[] => [node, ...(node.content ?? []).flatMap(all)];
const text = (content: Record<string, unknown>) => {
  const r = parseContent(content);
  if ("problem" in r) throw new Error(JSON.stringify(r.problem));
  return deriveText(r.doc);
};

describe("docxToSections on the sample plan", () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await docxToSections(await makeSampleDocx());
  });

  it("splits at Heading 1 / Heading 2 and separates numbers from titles", () => {
    expect(result.sections.map((s) => s.level)).toEqual([1, 2, 1, 2]);
    expect(result.sections.map((s) => s.title)).toEqual([...SAMPLE_HEADINGS]);
    expect(result.sections.map((s) => s.number)).toEqual(["第一章", "第一节", "第二章", "第一节"]);
  });

  it("gives every section content that passes parseContent, with its text counted", () => {
    for (const s of result.sections) expect("doc" in parseContent(s.content)).toBe(true);
    expect(text(result.sections[0].content)).toContain("统筹山水林田湖草沙");
    expect(result.sections[0].characters).toBe(text(result.sections[0].content).length);
  });

  it("keeps bold text and the bullet list", () => {
    const nodes = all(result.sections[1].content as J);
    expect(nodes.find((n) => n.text === "矿山生态修复")?.marks).toEqual([{ type: "bold" }]);
    const list = nodes.find((n) => n.type === "bulletList");
    expect(list?.content).toHaveLength(3);
    expect(text({ type: "doc", content: [list] })).toBe("水土流失治理\n历史遗留矿山修复\n湿地保护与恢复");
  });

  it("keeps the table, its header row as tableHeader cells", () => {
    const table = all(result.sections[3].content as J).find((n) => n.type === "table");
    expect(table?.content).toHaveLength(3);
    expect(table?.content?.[0].content?.map((c) => c.type)).toEqual(["tableHeader", "tableHeader", "tableHeader", "tableHeader"]);
    expect(text({ type: "doc", content: [table] })).toContain("指标名称\n单位\n2025年\n2035年\n森林覆盖率");
  });

  it("drops and counts the image", () => {
    expect(result.imagesDropped).toBe(1);
    expect(JSON.stringify(result.sections)).not.toContain("image");
  });
});

describe("docxToSections on odd documents", () => {
  const build = (children: (Paragraph | Table)[]) => Packer.toBuffer(new Document({ sections: [{ children }] }));

  it("turns text before the first heading into 前言, and skips it when empty", async () => {
    const withPreface = await docxToSections(
      await build([new Paragraph("编制说明"), new Paragraph({ heading: HeadingLevel.HEADING_1, text: "一、总体要求" })]),
    );
    expect(withPreface.sections.map((s) => [s.level, s.number, s.title])).toEqual([
      [1, null, "前言"],
      [1, "一、", "总体要求"],
    ]);
    const without = await docxToSections(await build([new Paragraph({ heading: HeadingLevel.HEADING_1, text: "总则" })]));
    expect(without.sections.map((s) => s.title)).toEqual(["总则"]);
    expect("doc" in parseContent(without.sections[0].content)).toBe(true);
  });

  it("keeps Heading 3 as a heading inside the section", async () => {
    const r = await docxToSections(
      await build([
        new Paragraph({ heading: HeadingLevel.HEADING_1, text: "第一章 总则" }),
        new Paragraph({ heading: HeadingLevel.HEADING_3, text: "一、指导思想" }),
        new Paragraph("正文"),
      ]),
    );
    expect(r.sections).toHaveLength(1);
    expect((r.sections[0].content as J).content?.[0]).toMatchObject({ type: "heading", attrs: { level: 3 } });
  });

  it("keeps allowed links and unwraps others instead of failing the section", async () => {
    const link = (href: string, t: string) => new ExternalHyperlink({ link: href, children: [new TextRun(t)] });
    const r = await docxToSections(
      await build([
        new Paragraph({
          children: [
            link("https://www.mnr.gov.cn", "自然资源部"),
            link("javascript:alert(1)", "坏链接"),
            link("file:///etc/passwd", "本地"),
          ],
        }),
      ]),
    );
    const nodes = all(r.sections[0].content as J);
    expect(nodes.find((n) => n.text === "自然资源部")?.marks?.[0]).toMatchObject({
      type: "link",
      attrs: { href: "https://www.mnr.gov.cn" },
    });
    expect(nodes.find((n) => n.text?.includes("坏链接"))?.marks).toBeUndefined();
    expect(nodes.find((n) => n.text?.includes("本地"))?.marks).toBeUndefined();
    expect("doc" in parseContent(r.sections[0].content)).toBe(true);
  });

  it("falls back to plain paragraphs when the structure does not fit the editor", async () => {
    // 25 tables nested in each other are deeper than parseContent accepts
    let nested: Paragraph | Table = new Paragraph("最内层的文字");
    for (let i = 0; i < 25; i++) nested = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [nested] })] })] });
    const r = await docxToSections(await build([new Paragraph({ heading: HeadingLevel.HEADING_1, text: "总则" }), nested]));
    expect(r.sections).toHaveLength(1);
    expect(text(r.sections[0].content)).toBe("最内层的文字");
    expect(r.warnings[0]).toMatch(/总则.*纯文本/);
  });

  it("keeps what fits of a section too large for the editor, and says so", async () => {
    const line = "统筹山水林田湖草沙一体化保护和系统治理，".repeat(5);
    const many = Array.from({ length: 8000 }, (_, i) => new Paragraph(`${i}${line}`));
    const r = await docxToSections(await build([new Paragraph({ heading: HeadingLevel.HEADING_1, text: "总则" }), ...many]));
    expect("doc" in parseContent(r.sections[0].content)).toBe(true);
    expect(r.sections[0].characters).toBeGreaterThan(100_000);
    expect(r.warnings[0]).toMatch(/总则.*过长/);
  });

  it("returns no sections and a warning for an empty document", async () => {
    const r = await docxToSections(await build([]));
    expect(r.sections).toEqual([]);
    expect(r.warnings.length).toBeGreaterThan(0);
  });
});

describe("splitNumber", () => {
  it.each([
    ["第一章 总则", "第一章", "总则"],
    ["第三节\u3000规划指标", "第三节", "规划指标"],
    ["第十二章　保障措施", "第十二章", "保障措施"],
    ["一、总体要求", "一、", "总体要求"],
    ["（二）主要任务", "（二）", "主要任务"],
    ["1.2 目标", "1.2", "目标"],
    ["3.1.4生态廊道", "3.1.4", "生态廊道"],
    ["2、重点工程", "2、", "重点工程"],
  ])("%s", (heading, number, title) => {
    expect(splitNumber(heading)).toEqual({ number, title });
  });

  it.each(["总则", "2035年远景目标", "1.5倍增长目标", "第一章"])("leaves %s without a number", (heading) => {
    expect(splitNumber(heading)).toEqual({ number: null, title: heading });
  });
});
