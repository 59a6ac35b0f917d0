import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { libreOfficeCan, libreOfficePdf } from "../../../tests/support/libreoffice";
import { translator } from "~/i18n";
import { sampleRows } from "./fixture";
import { HEADER_ROW, rollupXlsx } from "./xlsx";

const hostile = { ...sampleRows[6], planId: "evil", title: '=HYPERLINK("http://evil.example","点击")' };
const rows = [...sampleRows, hostile];

async function open(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

describe("rollupXlsx", () => {
  let bytes: Buffer;
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    bytes = await rollupXlsx({ rows, region: "张掖市", generatedAt: "2026-12-02T09:30:00+08:00", locale: "zh-CN", t: translator("zh-CN") });
    sheet = (await open(bytes)).getWorksheet("编制进展汇总")!;
  });

  it("has a merged Chinese title and the generated-at time", () => {
    expect(sheet.getCell("A1").value).toBe("张掖市及所辖县（区）国土空间生态修复规划编制进展汇总表");
    expect(sheet.getCell("O1").master.address).toBe("A1");
    expect(String(sheet.getCell("A2").value)).toContain("生成时间：2026/12/02 09:30（北京时间）");
    expect(String(sheet.getCell("A2").value)).toContain("8 个规划");
  });

  it("has a bold, filled header row, frozen with the plan column and repeated when printed", () => {
    const header = sheet.getRow(HEADER_ROW);
    expect(header.values).toEqual([
      undefined,
      "序号",
      "规划",
      "层级",
      "当前阶段",
      "下一截止日期",
      "剩余时间",
      "征求意见（已反馈/邀请）",
      "意见总数",
      "待答复",
      "技术审查",
      "报批与批复",
      "备案",
      "指标衔接",
      "重点项目库",
      "需关注",
    ]);
    expect(header.getCell(2).font?.bold).toBe(true);
    expect(header.getCell(2).fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW, xSplit: 2 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, printTitlesRow: "3:3" });
    expect(sheet.getColumn(2).width).toBe(34);
  });

  it("writes one row per plan with every figure", () => {
    const city = sheet.getRow(HEADER_ROW + 1);
    expect(city.getCell(1).value).toBe(1);
    expect(city.getCell(2).value).toBe("张掖市国土空间生态修复规划（2021—2035年）");
    expect(city.getCell(3).value).toBe("市级");
    expect(city.getCell(4).value).toBe("征求意见和评审");
    expect(city.getCell(5).value).toBe("2026-12-20");
    expect(city.getCell(6).value).toBe("还有 18 天");
    expect(city.getCell(7).value).toBe("征求意见稿征求意见：6/20（2026/12/20 18:00 截止）");
    expect([city.getCell(8).value, city.getCell(9).value]).toEqual([12, 9]);
    expect(city.getCell(10).value).toBe("评审中（已签 0/4）");
    expect(city.getCell(13).value).toBe("2");
    expect(city.getCell(14).value).toBe("纳入 8 · 候选 3 · 不纳入 1");
    expect(city.getCell(15).value).toBe("指标未衔接");

    const values = (n: number) => sheet.getRow(HEADER_ROW + n).values as unknown[];
    expect(values(4)).toContain("2026年11月28日 报批"); // 高台县: requested
    expect(values(4)).toContain("修改后通过");
    expect(values(5)).toContain("2026年11月25日 批复 山政函〔2026〕41号"); // 山丹县: approved, not filed
    expect(values(5)).toContain("2026-12-30\n备案截止");
    expect(values(6)).toContain("已备案"); // 民乐县
    expect(values(6)).toContain("2026年11月15日");
    expect(values(2)[13]).toBe("—"); // the indicator check is the city's
  });

  it("shows the overdue plan in bold red", () => {
    const sunan = sheet.getRow(HEADER_ROW + 7);
    expect(sunan.getCell(2).value).toBe("肃南裕固族自治县国土空间生态修复规划（2021—2035年）");
    expect(sunan.getCell(6).value).toBe("逾期 5 天");
    expect(sunan.getCell(6).font).toMatchObject({ bold: true, color: { argb: "FFA4262C" } });
    expect(sunan.getCell(15).value).toBe("逾期");
  });

  it("writes text that looks like a formula as text", () => {
    const evil = sheet.getRow(HEADER_ROW + 8);
    expect(evil.getCell(2).value).toBe(hostile.title);
    expect(evil.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(evil.getCell(2).formula).toBeUndefined();
    const round = sheet.getRow(HEADER_ROW + 2).getCell(7);
    expect(round.type).toBe(ExcelJS.ValueType.String);
    expect(String(round.value).startsWith("=甘州区征求意见")).toBe(true);
  });

  it("speaks English to an English reader", async () => {
    const en = (
      await open(
        await rollupXlsx({
          rows: sampleRows,
          region: "Zhangye",
          generatedAt: "2026-12-02T09:30:00+08:00",
          locale: "en",
          t: translator("en"),
        }),
      )
    ).getWorksheet("Progress")!;
    expect(en.getCell("A1").value).toBe("Zhangye: progress of the city and county ecological restoration plans");
    expect(en.getRow(HEADER_ROW + 7).getCell(6).value).toBe("5 days overdue");
  });

  it.skipIf(!libreOfficeCan("calc"))(
    "opens in LibreOffice Calc, formulas left unevaluated",
    () => {
      const { pdf, text } = libreOfficePdf(bytes, "rollup.xlsx");
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      if (text !== null) {
        expect(text).toContain("编制进展汇总表");
        expect(text).toContain("逾期 5 天");
        expect(text).toContain("山政函");
        expect(text).toContain("=HYPERLINK");
        expect(text).toContain("天内截止，意见");
      }
    },
    120_000,
  );
});
