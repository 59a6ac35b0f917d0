import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { libreOfficeCan, libreOfficePdf } from "../../../tests/support/libreoffice";
import { sample } from "./fixture";
import { adoptionTableRows } from "./rows";
import { adoptionTableXlsx, SHEET_NAME, wrappedLines } from "./xlsx";

describe("adoptionTableXlsx", () => {
  let bytes: Buffer;
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    bytes = await adoptionTableXlsx(sample);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    sheet = workbook.getWorksheet(SHEET_NAME)!;
  });

  it("has the named sheet with a merged title and a subtitle", () => {
    expect(sheet.name).toBe("意见采纳情况表");
    expect(sheet.getCell("A1").value).toBe("《甘州区国土空间生态修复规划（2021—2035年）》规划文本（征求意见稿）意见采纳情况表");
    expect(sheet.getCell("G1").isMerged).toBe(true);
    expect(sheet.getCell("G1").master.address).toBe("A1");
    expect(String(sheet.getCell("A2").value)).toContain(sample.manifestHash);
    expect(String(sheet.getCell("A2").value)).toContain("第一轮征求意见");
  });

  it("has a bold, filled, bordered header row frozen in place and repeated when printed", () => {
    const header = sheet.getRow(3);
    expect([1, 2, 3, 4, 5, 6, 7].map((i) => header.getCell(i).value)).toEqual([
      "序号",
      "提出单位",
      "章节",
      "原文",
      "意见",
      "采纳情况",
      "理由",
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(4).fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(header.getCell(7).border?.right?.style).toBe("thin");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
    });
    expect(sheet.columns.map((c) => c.width)).toEqual([6, 16, 18, 40, 48, 10, 40]);
  });

  it("writes the rows in order, wrapped and top-aligned, multi-line text intact", () => {
    const rows = adoptionTableRows(sample);
    const fifth = sheet.getRow(8);
    expect(fifth.getCell(1).value).toBe(5);
    expect(fifth.getCell(2).value).toBe("张掖市水务局");
    expect(fifth.getCell(5).value).toBe(rows[4].comment);
    expect(String(fifth.getCell(5).value)).toContain("\n建议修改为：");
    expect(fifth.getCell(6).value).toBe("部分采纳");
    expect(fifth.getCell(5).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(fifth.getCell(3).border?.bottom?.style).toBe("thin");
    expect(fifth.height).toBeGreaterThan(3 * 14);
    expect(sheet.getCell("D4").value).toBe("（针对本章节整体）");
    expect(sheet.getCell("F7").value).toBe("待答复");
  });

  it("ends with the summary by decision", () => {
    const last = sheet.getRow(4 + adoptionTableRows(sample).length);
    expect(last.getCell(1).value).toBe("合计：共 6 条：采纳 2 条，部分采纳 1 条，不采纳 1 条，说明 1 条，待答复 1 条");
    expect(last.getCell(7).isMerged).toBe(true);
    expect(sheet.rowCount).toBe(last.number);
  });

  it("estimates wrapped lines, a CJK character taking two units", () => {
    expect(wrappedLines("", 10)).toBe(1);
    expect(wrappedLines("采纳", 10)).toBe(1);
    expect(wrappedLines("一二三四五六七八九十", 10)).toBe(3);
    expect(wrappedLines("甲\n乙", 10)).toBe(2);
  });

  it.skipIf(!libreOfficeCan("calc"))(
    "opens in LibreOffice Calc",
    () => {
      const { pdf, text } = libreOfficePdf(bytes, "adoption.xlsx");
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      if (text !== null) {
        expect(text).toContain("意见采纳情况表");
        expect(text).toContain("张掖市林业和草原局");
      }
    },
    120_000,
  );
});
