import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { bigWorkbookBytes, goodRow, TEMPLATE_HEADER, templateRow, workbookBytes } from "./fixture";
import { checkImportRows } from "./import-check";
import { MAX_IMPORT_BYTES } from "./limits";
import { plainCell, readLibraryWorkbook } from "./parse.server";
import { libraryTemplateXlsx } from "./xlsx";

async function refusal(bytes: Uint8Array) {
  const r = await readLibraryWorkbook(bytes);
  if (r.ok) throw new Error("expected a refusal");
  return r.problem;
}
async function rows(bytes: Uint8Array) {
  const r = await readLibraryWorkbook(bytes);
  if (!r.ok) throw new Error(`refused: ${r.problem.key}`);
  return r.workbook.rows;
}

describe("refusing what is not a library workbook", () => {
  it("an empty file, a renamed text file, an old .xls", async () => {
    expect(await refusal(new Uint8Array())).toEqual({ status: 400, key: "library.import.noFile" });
    expect(await refusal(Buffer.from("项目名称,项目类型\n湿地,mine\n", "utf8"))).toEqual({
      status: 400,
      key: "library.import.notWorkbook",
    });
    expect(await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]))).toEqual({
      status: 400,
      key: "library.import.oldXls",
    });
  });

  it("a Word document and a zip that is not a workbook", async () => {
    const docx = new JSZip();
    docx.file(
      "[Content_Types].xml",
      '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    docx.file("word/document.xml", "<w:document/>");
    expect((await refusal(await docx.generateAsync({ type: "uint8array" }))).key).toBe("library.import.isDocx");
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    expect((await refusal(await zip.generateAsync({ type: "uint8array" }))).key).toBe("library.import.notWorkbook");
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    expect((await refusal(broken)).key).toBe("library.import.corrupt");
  });

  it("over 10 MB: 413, decided from the size alone", async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await refusal(bytes)).toEqual({ status: 413, key: "library.import.tooLarge" });
  });

  it("more than 5,000 rows: refused quickly, without reading them all", async () => {
    const bytes = await bigWorkbookBytes(50_000);
    const t = performance.now();
    expect(await refusal(bytes)).toEqual({ status: 400, key: "library.import.tooManyRows", params: { max: 5000 } });
    expect(performance.now() - t).toBeLessThan(5000);
    expect((await rows(await bigWorkbookBytes(5000))).length).toBe(5000);
  }, 30_000);

  it("a sheet without the header, without a required column, or without rows", async () => {
    expect((await refusal(await workbookBytes([["甲", "乙"]], { header: ["名称", "说明"] }))).key).toBe("library.import.noHeader");
    const noType = await workbookBytes([["湿地", "甘州区"]], {
      header: ["项目名称", "所在县区", "面积（公顷）", "投资（万元）", "实施期限"],
    });
    expect(await refusal(noType)).toEqual({ status: 400, key: "library.import.missingColumns", params: { columns: "项目类型" } });
    expect((await refusal(await libraryTemplateXlsx())).key).toBe("library.import.noRows");
  });
});

describe("reading rows", () => {
  it("reads the template's columns by header, Chinese names and codes alike, and skips blank rows", async () => {
    const bytes = await workbookBytes([
      goodRow(1),
      [],
      templateRow({
        name: "张掖国家湿地公园",
        type: "river_wetland",
        county: "甘州区",
        areaHa: "1,200.5",
        investmentWan: 3000,
        period: "2021—2025",
      }),
    ]);
    const read = await rows(bytes);
    expect(read.map((r) => r.row)).toEqual([2, 4]);
    expect(read[1].cells).toMatchObject({ name: "张掖国家湿地公园", type: "river_wetland", areaHa: "1,200.5" });
    const { summary, rows: checked } = checkImportRows(read, []);
    expect(summary).toMatchObject({ good: 2, bad: 0 });
    expect(checked[1].values).toMatchObject({ type: "river_wetland", areaHa: 1200.5, period: "2021-2025" });
  });

  it("finds columns in another order, with half-width brackets", async () => {
    const bytes = await workbookBytes([["2026-2030", 12, "临泽县", "历史遗留矿山修复", "临泽县废弃采石场修复", 80]], {
      header: ["实施期限", "面积(公顷)", "所在县区", "项目类型", "项目名称", "投资(万元)"],
    });
    const [r] = await rows(bytes);
    expect(r.cells).toEqual({
      period: "2026-2030",
      areaHa: 12,
      county: "临泽县",
      type: "历史遗留矿山修复",
      name: "临泽县废弃采石场修复",
      investmentWan: 80,
    });
  });

  it("reads formula cells as their cached values, never the formula text", async () => {
    const bytes = await workbookBytes([
      templateRow({
        name: { formula: 'CONCATENATE("黑河","湿地修复")', result: "黑河湿地修复" },
        type: "重要河流湿地保护修复",
        county: "甘州区",
        areaHa: { formula: "E3*2", result: 24 },
        investmentWan: { formula: "SUM(G2:J2)", result: 300 },
        investCentral: 300,
        period: "2021-2025",
      }),
      templateRow({
        name: "无缓存值",
        type: "mine",
        county: "山丹县",
        areaHa: { formula: "1+1" } as ExcelJS.CellFormulaValue,
        investmentWan: 10,
        period: "2021-2025",
      }),
      templateRow({
        name: "错误值",
        type: "mine",
        county: "山丹县",
        areaHa: { error: "#DIV/0!" } as ExcelJS.CellErrorValue,
        investmentWan: 10,
        period: "2021-2025",
      }),
    ]);
    const read = await rows(bytes);
    expect(read[0].cells).toMatchObject({ name: "黑河湿地修复", areaHa: 24, investmentWan: 300 });
    expect(JSON.stringify(read)).not.toContain("CONCATENATE");
    expect(read[1].cellProblems).toEqual([{ field: "areaHa", key: "library.problem.formulaNoValue" }]);
    expect(read[2].cellProblems).toEqual([{ field: "areaHa", key: "library.problem.cellError" }]);
    expect(checkImportRows(read, []).summary).toMatchObject({ good: 1, bad: 2 });
  });

  it("keeps Chinese text whole where the XML is split into chunks (shared and inline strings)", async () => {
    const name = (i: number) => `张掖市甘州区黑河流域湿地保护与修复工程第${i}期`;
    const shared = await workbookBytes(
      Array.from({ length: 3000 }, (_, i) => goodRow(i, { name: name(i), keyArea: `祁连山北麓水源涵养与生物多样性保护重点区域${i}` })),
    );
    const inline = await bigWorkbookBytes(3000, (i) => goodRow(i, { name: name(i) }));
    for (const bytes of [shared, inline]) {
      const read = await rows(bytes);
      expect(read).toHaveLength(3000);
      expect(read.filter((r) => JSON.stringify(r.cells).includes("\ufffd"))).toEqual([]);
      expect(read.every((r, i) => r.cells.name === name(i) && r.cells.type === "重要河流湿地保护修复")).toBe(true);
    }
  }, 30_000);

  it("reads our own multi-sheet exports every time (exceljs orders zip parts differently from run to run)", async () => {
    const bytes = await libraryTemplateXlsx();
    const wb = await workbookBytes([goodRow(1), goodRow(2)], {
      before: (w) => {
        w.addWorksheet("汇总").addRow(["规划", "项目数"]);
        w.addWorksheet("填表说明").addRow(["项目名称", "必填"]);
      },
    });
    for (let i = 0; i < 15; i++) {
      expect((await rows(wb)).map((r) => r.cells.name)).toEqual(["黑河湿地保护修复项目1", "黑河湿地保护修复项目2"]);
      expect((await refusal(bytes)).key).toBe("library.import.noRows");
    }
  }, 30_000);

  it("reads rich text and links as their text", () => {
    expect(plainCell({ richText: [{ text: "黑河" }, { text: "湿地" }] })).toEqual({ value: "黑河湿地" });
    expect(plainCell({ text: "说明", hyperlink: "http://example.org" })).toEqual({ value: "说明" });
    expect(plainCell({ formula: "A1", result: { error: "#REF!" } } as unknown as ExcelJS.CellValue)).toEqual({
      problem: "library.problem.cellError",
    });
    expect(plainCell(Number.NaN)).toEqual({ problem: "library.problem.cellError" });
  });

  it("takes the data sheet even when the instructions sheet comes first", async () => {
    const bytes = await workbookBytes([goodRow(7)], {
      sheetName: "项目",
      before: (wb) => {
        const help = wb.addWorksheet("说明");
        help.addRow(["列", "填写要求"]);
        for (const h of TEMPLATE_HEADER) help.addRow([h, "必填"]);
      },
    });
    const read = await rows(bytes);
    expect(read).toHaveLength(1);
    expect(read[0].cells.name).toBe("黑河湿地保护修复项目7");
  });
});
