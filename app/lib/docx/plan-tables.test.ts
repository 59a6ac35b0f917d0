import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { blocksToDoc } from "~db/seed/build-content";
import { libreOfficeCan, libreOfficePdf } from "../../../tests/support/libreoffice";
import { projectTable } from "../plan-tables/project-table";
import { type ExportInput, editionToDocx } from "./export.server";

const edition: ExportInput = {
  planTitle: "某县国土空间生态修复规划（2021—2035年）",
  documentTitle: "规划文本",
  label: "送审稿",
  manifestHash: "a".repeat(64),
  publishedAt: "2025-03-01T09:30:00+08:00",
  sections: [
    {
      number: "第二章",
      title: "目标与指标",
      depth: 0,
      content: blocksToDoc([{ p: "规划指标见下表。" }]),
      tables: [
        {
          kind: "indicators",
          content: {
            indicators: [
              {
                code: "F",
                name: "森林覆盖率",
                unit: "%",
                kind: "binding",
                direction: "up",
                rollup: "sum",
                baseline: 19.6,
                targets: { "2025": 20.3, "2030": 20.9, "2035": 21.5 },
              },
              {
                code: "P",
                name: "全域土地综合整治项目数量（累计）",
                unit: "个",
                kind: "expected",
                direction: "up",
                rollup: "sum",
                baseline: null,
                targets: { "2025": 6, "2030": 12, "2035": null },
              },
            ],
          },
        },
      ],
    },
    {
      number: "第五章",
      title: "重点工程",
      depth: 0,
      content: blocksToDoc([{ p: "纳入规划的重点项目见下表。" }]),
      tables: [
        {
          kind: "projects",
          content: projectTable([
            {
              id: "1",
              name: "黑河湿地保护修复项目",
              type: "river_wetland",
              county: "高台县",
              township: "合黎镇",
              areaHa: 1200.5,
              investmentWan: 8600,
              period: "2021-2025",
            },
            {
              id: "2",
              name: "北山历史遗留矿山治理项目",
              type: "mine",
              county: "高台县",
              township: "",
              areaHa: 310,
              investmentWan: 2400.75,
              period: "2026-2030",
            },
          ]),
        },
      ],
    },
  ],
};

describe("plan tables in the Word export", () => {
  let bytes: Buffer;
  let text: string;
  beforeAll(async () => {
    bytes = await editionToDocx(edition);
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
  });

  it("writes the indicator table after its section with the plan's columns", () => {
    const at = text.indexOf("规划指标见下表。");
    expect(at).toBeGreaterThan(-1);
    const after = text.slice(at);
    for (const s of [
      "规划指标表",
      "序号",
      "指标名称",
      "单位",
      "基期年（2020年）",
      "2025年",
      "2030年",
      "2035年",
      "属性",
      "森林覆盖率",
      "20.9",
      "约束性",
      "预期性",
    ])
      expect(after).toContain(s);
    // an empty cell reads as a dash, not as 0
    expect(after).toMatch(/12\s*—/);
  });

  it("writes the projects by type with subtotals, the total and the periods", () => {
    const after = text.slice(text.indexOf("纳入规划的重点项目见下表。"));
    for (const s of [
      "重点项目表",
      "一、重要河流湿地保护修复",
      "二、历史遗留矿山修复",
      "黑河湿地保护修复项目",
      "高台县合黎镇",
      "2021—2025年",
      "小计（1 个）",
      "合计（2 个）",
      "1510.5",
      "11000.75",
      "其中：2026—2030年（1 个）",
    ])
      expect(after).toContain(s);
  });

  it("opens in LibreOffice Writer with both tables", () => {
    if (!libreOfficeCan("writer")) {
      // without LibreOffice the mammoth reading above is the check; CI installs it (.ci/run)
      expect(bytes.length).toBeGreaterThan(1000);
      return;
    }
    const { pdf, text: pdfText } = libreOfficePdf(Buffer.from(bytes), "tables.docx");
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    if (pdfText !== null) for (const s of ["规划指标表", "森林覆盖率", "重点项目表", "合计"]) expect(pdfText).toContain(s);
  }, 120_000);
});
