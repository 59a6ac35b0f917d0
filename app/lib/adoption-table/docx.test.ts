import JSZip from "jszip";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { adoptionTableDocx, DOCX_COLUMN_WIDTHS } from "./docx";
import { libreOfficeCan, libreOfficePdf } from "../../../tests/support/libreoffice";
import { comments, sample } from "./fixture";

describe("adoptionTableDocx", () => {
  let bytes: Buffer;
  let text: string;
  let documentXml: string;
  let footerXml: string;
  beforeAll(async () => {
    bytes = await adoptionTableDocx(sample);
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
    const zip = await JSZip.loadAsync(bytes);
    documentXml = await zip.file("word/document.xml")!.async("string");
    const footers = Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    footerXml = (await Promise.all(footers.map((name) => zip.file(name)!.async("string")))).join("");
  });

  it("has the title, subtitle, header and rows", () => {
    expect(text).toContain("《甘州区国土空间生态修复规划（2021—2035年）》规划文本（征求意见稿）意见采纳情况表");
    expect(text).toContain("第一轮征求意见（区县政府及市直部门）");
    for (const header of ["序号", "提出单位", "章节", "原文", "意见", "采纳情况", "理由"]) expect(text).toContain(header);
    expect(text).toContain("实施退耕还湿1.2万亩，恢复湿地植被");
    expect(text).toContain("建议修改为：结合生态用水指标，实施退耕还湿0.8万亩，恢复湿地植被");
    expect(text).toContain("已补充水源保障措施；面积按第三次全国国土调查成果核定为1.0万亩。");
    expect(text).toContain('【修改】引号"和逗号,都要保留');
    expect(text).toContain("合计：共 6 条：采纳 2 条，部分采纳 1 条，不采纳 1 条，说明 1 条，待答复 1 条");
  });

  it("lists the rows in table order", () => {
    const at = (s: string) => text.indexOf(s);
    expect(at("指标表中约束性")).toBeLessThan(at("万元GDP用水量下降率"));
    expect(at("万元GDP用水量下降率")).toBeLessThan(at("森林覆盖率目标的测算依据"));
    expect(at("森林覆盖率目标的测算依据")).toBeLessThan(at("湿地保护率不低于60%"));
  });

  it("is A4 landscape with a repeated header row, fixed proportional columns and house fonts", () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(documentXml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(documentXml).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = [...documentXml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual(DOCX_COLUMN_WIDTHS);
    // proportional to 6:16:18:40:48:10:40, but 序号 and 采纳情况 kept wide enough for their header
    expect(grid[4] / grid[3]).toBeCloseTo(48 / 40, 2);
    expect(grid[2] / grid[1]).toBeCloseTo(18 / 16, 2);
    expect(grid[0]).toBeGreaterThanOrEqual(2 * 210 + 160);
    expect(grid[5]).toBeGreaterThanOrEqual(4 * 210 + 160);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(16838 - 2 * 1134);
    expect(documentXml).toContain('w:eastAsia="黑体"');
    expect(documentXml.match(/<w:tr>|<w:tr /g)).toHaveLength(comments.length + 1);
  });

  it("writes markup-like text, control characters and many rows as plain text", async () => {
    const many = {
      ...sample,
      comments: Array.from({ length: 300 }, (_, i) => ({
        ...comments[i % comments.length],
        body: `第${i}条 <w:p>&amp; "引号"\u0001\n第二行`,
      })),
    };
    const out = await adoptionTableDocx(many);
    const raw = (await mammoth.extractRawText({ buffer: out })).value;
    expect(raw).toContain('第299条 <w:p>&amp; "引号"');
    expect(raw).toContain("第二行");
    const xml = await (await JSZip.loadAsync(out)).file("word/document.xml")!.async("string");
    expect(xml.match(/<w:tr>|<w:tr /g)).toHaveLength(301);
    expect(xml).not.toContain("\u0001");
    expect(xml).not.toContain("ROW-CELL");
  });

  it("carries the hash and the page number in the footer", () => {
    expect(footerXml).toContain(`稿次摘要 ${sample.manifestHash}`);
    expect(footerXml).toContain("PAGE");
    expect(footerXml).toContain("第 ");
  });

  it("declares 宋体 10.5 pt as the default text", async () => {
    const styles = await (await JSZip.loadAsync(bytes)).file("word/styles.xml")!.async("string");
    expect(styles).toMatch(/<w:docDefaults>.*w:eastAsia="宋体".*<w:sz w:val="21"\/>/s);
  });

  it.skipIf(!libreOfficeCan("writer"))(
    "opens in LibreOffice Writer",
    () => {
      const { pdf, text } = libreOfficePdf(bytes, "adoption.docx");
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      if (text !== null) {
        expect(text).toContain("意见采纳情况表");
        expect(text).toContain("合计：共 6 条");
        expect(text).toContain(`稿次摘要 ${sample.manifestHash}`);
      }
    },
    120_000,
  );
});
