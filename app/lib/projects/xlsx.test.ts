import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { libreOfficeCan, libreOfficePdf } from "../../../tests/support/libreoffice";
import { LIBRARY_COLUMNS } from "./columns";
import { checkImportRows } from "./import-check";
import { readLibraryWorkbook } from "./parse.server";
import { projectInput } from "./schema";
import { DATA_SHEET, HELP_SHEET, type LibraryRow, LISTS_SHEET, libraryTemplateXlsx, libraryXlsx, SUMMARY_SHEET } from "./xlsx";

async function load(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}
async function sheetXml(bytes: Buffer, n = 1) {
  return (await JSZip.loadAsync(bytes)).file(`xl/worksheets/sheet${n}.xml`)!.async("string");
}

const rows: LibraryRow[] = [
  {
    id: "prj_1",
    ...projectInput.parse({
      name: "黑河湿地保护修复",
      type: "river_wetland",
      county: "甘州区",
      township: "党寨镇",
      areaHa: 1200.5,
      investmentWan: 3000,
      investCentral: 2000,
      investProvincial: 600,
      investLocal: 400,
      investSocial: 0,
      period: "2021-2025",
      keyArea: "黑河中游湿地",
    }),
    status: "included",
    reason: "",
  },
  {
    id: "prj_2",
    ...projectInput.parse({
      name: '=HYPERLINK("http://evil.example","点此")',
      type: "mine",
      county: "山丹县",
      areaHa: 30,
      investmentWan: 150,
      period: "2026-2030",
      keyArea: "+祁连山北麓",
    }),
    status: "excluded",
    reason: "-与生态保护红线重叠",
  },
  {
    id: "prj_3",
    ...projectInput.parse({ name: "@城区绿道", type: "urban_green", county: "高台县", areaHa: 5, investmentWan: 80, period: "2031-2035" }),
    status: "candidate",
    reason: "",
  },
];

describe("the template", () => {
  let bytes: Buffer;
  let wb: ExcelJS.Workbook;
  let xml: string;
  beforeAll(async () => {
    bytes = await libraryTemplateXlsx();
    wb = await load(bytes);
    xml = await sheetXml(bytes);
  });

  it("has the data sheet with the Chinese header, the instructions, and a hidden list sheet", () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual([DATA_SHEET, HELP_SHEET, LISTS_SHEET]);
    expect(wb.getWorksheet(LISTS_SHEET)!.state).toBe("hidden");
    const header = wb.getWorksheet(DATA_SHEET)!.getRow(1);
    expect(LIBRARY_COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual([
      "项目名称",
      "项目类型",
      "所在县区",
      "乡镇",
      "面积（公顷）",
      "投资（万元）",
      "中央",
      "省级",
      "市县",
      "社会",
      "实施期限",
      "服务重点区域",
      "状态",
      "理由",
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(wb.getWorksheet(DATA_SHEET)!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const help = wb.getWorksheet(HELP_SHEET)!;
    const text = help.getSheetValues().flat().join("");
    expect(text).toContain("最多导入 5000 行");
    expect(text).toContain("四项之和须等于投资（万元）");
  });

  it("offers drop-down lists for type, period and status, and checks the numbers", () => {
    expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="B2:B5001"><formula1>选项!\$A\$2:\$A\$11<\/formula1>/);
    expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="K2:K5001"><formula1>选项!\$B\$2:\$B\$4<\/formula1>/);
    expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="M2:M5001"><formula1>选项!\$C\$2:\$C\$4<\/formula1>/);
    for (const col of ["E", "F", "G", "H", "I", "J"])
      expect(xml).toMatch(
        new RegExp(`<dataValidation type="decimal" operator="greaterThanOrEqual"[^>]*sqref="${col}2:${col}5001"><formula1>0</formula1>`),
      );
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((r) => lists.getCell(r, 1).value)).toEqual([
      "重要物种栖息地保护修复",
      "生态廊道和生态网络构建",
      "重要河流湿地保护修复",
      "水土流失综合治理",
      "退化农用地生态修复",
      "生态型土地整治",
      "历史遗留矿山修复",
      "城镇绿地体系构建",
      "城镇生态缓冲带建设",
      "城镇河道生态修复",
    ]);
    expect([2, 3, 4].map((r) => lists.getCell(r, 2).value)).toEqual(["2021-2025", "2026-2030", "2031-2035"]);
    expect([2, 3, 4].map((r) => lists.getCell(r, 3).value)).toEqual(["候选", "纳入", "不纳入"]);
  });

  it.skipIf(!libreOfficeCan("calc"))(
    "opens in LibreOffice Calc",
    () => {
      const { pdf, text } = libreOfficePdf(bytes, "template.xlsx");
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      if (text !== null) {
        expect(text).toContain("项目名称");
        expect(text).toContain("填表说明");
      }
    },
    120_000,
  );
});

describe("a plan's library export", () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await libraryXlsx(rows);
  });

  it("uses the template's layout, Chinese type and status names, numbers as numbers, and the id last", async () => {
    const sheet = (await load(bytes)).getWorksheet(DATA_SHEET)!;
    expect(sheet.getRow(1).getCell(15).value).toBe("项目编号（系统生成，新增项目留空）");
    const r = sheet.getRow(2);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((i) => r.getCell(i).value)).toEqual([
      "黑河湿地保护修复",
      "重要河流湿地保护修复",
      "甘州区",
      "党寨镇",
      1200.5,
      3000,
      2000,
      600,
      400,
      0,
      "2021-2025",
      "黑河中游湿地",
      "纳入",
      "",
      "prj_1",
    ]);
    expect(sheet.getRow(4).getCell(7).value).toBeNull();
  });

  it("never writes a formula: text starting with = + - @ is kept as text", async () => {
    const xml = await sheetXml(bytes);
    expect(xml).not.toContain("<f>");
    expect(xml).not.toContain("<f ");
    const sheet = (await load(bytes)).getWorksheet(DATA_SHEET)!;
    expect(sheet.getRow(3).getCell(1).type).toBe(ExcelJS.ValueType.RichText);
    expect(sheet.getRow(3).getCell(1).text).toBe('=HYPERLINK("http://evil.example","点此")');
    expect(sheet.getRow(4).getCell(1).type).toBe(ExcelJS.ValueType.RichText);
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
  });

  it("round-trips: exported, read back and checked against the same library, every row is unchanged", async () => {
    const read = await readLibraryWorkbook(bytes);
    if (!read.ok) throw new Error(read.problem.key);
    expect(read.workbook.rows.map((r) => r.cells.name)).toEqual(rows.map((r) => r.name));
    const existing = rows.map(({ id, status, reason, planTitle: _, ...values }) => ({ id, status, reason, values }));
    const check = checkImportRows(read.workbook.rows, existing);
    expect(check.summary).toEqual({ rows: 3, good: 3, bad: 0, create: 0, update: 0, unchanged: 3 });
    // … and against an empty library they are rows whose ids are unknown
    expect(checkImportRows(read.workbook.rows, []).summary.bad).toBe(3);
  });

  it("the consolidated export adds the plan column and the totals", async () => {
    const total = { label: "合计", total: 3, candidate: 1, included: 1, excluded: 1, includedAreaHa: 1200.5, includedInvestmentWan: 3000 };
    const consolidated = await libraryXlsx(
      rows.map((r) => ({ ...r, planTitle: "甘州区国土空间生态修复规划（2021—2035年）" })),
      { planColumn: true, summary: { byPlan: [total], byType: [total] } },
    );
    const wb = await load(consolidated);
    expect(wb.worksheets.map((s) => s.name)).toEqual([DATA_SHEET, SUMMARY_SHEET, HELP_SHEET, LISTS_SHEET]);
    const sheet = wb.getWorksheet(DATA_SHEET)!;
    expect(sheet.getRow(1).getCell(1).value).toBe("所属规划");
    expect(sheet.getRow(1).getCell(2).value).toBe("项目名称");
    expect(sheet.getRow(2).getCell(1).value).toBe("甘州区国土空间生态修复规划（2021—2035年）");
    expect(sheet.getRow(2).getCell(3).value).toBe("重要河流湿地保护修复");
    expect(await sheetXml(consolidated)).toMatch(/sqref="C2:C5001"><formula1>选项!\$A\$2/);
    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    expect(summary.getRow(1).getCell(1).value).toBe("分规划汇总");
    expect(summary.getRow(3).values).toEqual([undefined, "合计", 3, 1, 1, 1, 1200.5, 3000]);
    // and it reads back too: the plan column is ignored
    const read = await readLibraryWorkbook(consolidated);
    expect(read.ok ? read.workbook.rows[0].cells : read.problem).toMatchObject({ name: "黑河湿地保护修复", id: "prj_1" });
  });

  it.skipIf(!libreOfficeCan("calc"))(
    "opens in LibreOffice Calc, showing formula-like text literally",
    () => {
      const { pdf, text } = libreOfficePdf(bytes, "library.xlsx");
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      if (text !== null) {
        expect(text).toContain("黑河湿地保护修复");
        expect(text).toContain("=HYPERLINK");
        expect(text).toContain("@城区绿道");
      }
    },
    120_000,
  );
});
