// The key-project library's import through its domain functions, against a real SQLite file: previews
// that name bad rows, files refused before anything is stored, 5,000 rows at once, export and re-import.
import { Document, Packer, Paragraph } from "docx";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { projects } from "~db/schema";
import { bigWorkbookBytes, goodRow, workbookBytes } from "../../app/lib/projects/fixture";
import { MAX_IMPORT_BYTES } from "../../app/lib/projects/limits";
import { DATA_SHEET, libraryXlsx } from "../../app/lib/projects/xlsx";
import { verifyAuditChain } from "../../app/models/audit.server";
import { createProject, listPlanProjects, updateProject } from "../../app/models/project.server";
import { planLibraryRows } from "../../app/models/project-lookup.server";
import { confirmProjectImport, getProjectImport, previewProjectImport } from "../../app/models/project-import.server";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor } from "./helpers";
import { auditOf, countRows, domainError, ensureUser, input, makeCountyPlan, rejects, upload } from "./library-fixtures";

describe("key-project library", () => {
  let db: Db;
  let cleanup: () => void;
  let drafterA: Ctx;

  beforeAll(async () => {
    ({ db, cleanup } = createTestDb());
    // another county's drafter, refused another plan's import
    makeCountyPlan(db, "ta", "甘州区");
    drafterA = await ctxFor(db, "ta-drafter");
  });
  afterAll(() => cleanup());

  describe("import", () => {
    let c: ReturnType<typeof makeCountyPlan>;
    let drafterC: Ctx;
    let secondC: Ctx;
    beforeAll(async () => {
      c = makeCountyPlan(db, "tc", "高台县");
      ensureUser(db, "tc-drafter2", "drafter", { name: "高台县自然资源局（tc）", kind: "county_bureau" });
      [drafterC, secondC] = await Promise.all([ctxFor(db, "tc-drafter"), ctxFor(db, "tc-drafter2")]);
    });

    it("a file with a bad row: the preview names it, nothing is written, the confirmation is refused", async () => {
      const bytes = await workbookBytes([goodRow(1), goodRow(2, { type: "湿地工程" }), goodRow(3)]);
      const before = countRows(db, "project_imports");
      const { id, summary } = await previewProjectImport(drafterC, c.planId, upload(bytes));
      expect(summary).toMatchObject({ rows: 3, good: 2, bad: 1 });
      expect(countRows(db, "project_imports")).toBe(before + 1);
      expect(countRows(db, "projects", c.planId)).toBe(0);
      const preview = getProjectImport(drafterC, c.planId, id);
      expect(preview.rows.filter((r) => r.problems.length)).toEqual([
        expect.objectContaining({ row: 3, problems: [{ field: "type", key: "library.validation.type" }] }),
      ]);
      expect(domainError(() => confirmProjectImport(drafterC, c.planId, id))).toMatchObject({
        code: "conflict",
        messageKey: "library.import.hasProblems",
      });
      expect(countRows(db, "projects", c.planId)).toBe(0);
      // only for the uploader: a colleague of the same bureau gets 404, other drafters 403
      expect(domainError(() => getProjectImport(secondC, c.planId, id)).code).toBe("not_found");
      expect(domainError(() => getProjectImport(drafterA, c.planId, id)).code).toBe("forbidden");
    });

    it("refuses a file over 10 MB (413), a 50,000-row sheet, a renamed text file and a Word document, storing nothing", async () => {
      const imports = countRows(db, "project_imports");
      const rows = countRows(db, "projects");
      const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
      big.set([0x50, 0x4b, 0x03, 0x04]);
      expect((await rejects(previewProjectImport(drafterC, c.planId, upload(big)))).code).toBe("too_large");
      const tooMany = await rejects(previewProjectImport(drafterC, c.planId, upload(await bigWorkbookBytes(50_000))));
      expect(tooMany).toMatchObject({ code: "invalid", messageKey: "library.import.tooManyRows", params: { max: 5000 } });
      expect(
        (await rejects(previewProjectImport(drafterC, c.planId, upload(Buffer.from("项目名称\t项目类型\n湿地\tmine\n"), "projects.xlsx"))))
          .messageKey,
      ).toBe("library.import.notWorkbook");
      const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("重点项目")] }] }));
      expect((await rejects(previewProjectImport(drafterC, c.planId, upload(docx, "projects.xlsx")))).messageKey).toBe(
        "library.import.isDocx",
      );
      expect(countRows(db, "project_imports")).toBe(imports);
      expect(countRows(db, "projects")).toBe(rows);
    }, 60_000);

    it("5,000 rows preview and confirm in seconds, in one transaction, audited once", async () => {
      const bytes = await bigWorkbookBytes(5000, (i) =>
        goodRow(i, { name: `高台县湿地修复项目${String(i).padStart(4, "0")}`, county: "高台县" }),
      );
      const t0 = performance.now();
      const { id, summary } = await previewProjectImport(drafterC, c.planId, upload(bytes));
      const previewMs = performance.now() - t0;
      expect(summary).toEqual({ rows: 5000, good: 5000, bad: 0, create: 5000, update: 0, unchanged: 0 });
      expect(countRows(db, "projects", c.planId)).toBe(0);
      const t1 = performance.now();
      expect(confirmProjectImport(drafterC, c.planId, id)).toEqual({ created: 5000, updated: 0, unchanged: 0 });
      const confirmMs = performance.now() - t1;
      console.log(`5,000-row import: preview ${Math.round(previewMs)} ms, confirm ${Math.round(confirmMs)} ms`);
      expect(previewMs + confirmMs).toBeLessThan(8000);
      expect(countRows(db, "projects", c.planId)).toBe(5000);
      const sample = db
        .select()
        .from(projects)
        .where(and(eq(projects.planId, c.planId), eq(projects.name, "高台县湿地修复项目0042")))
        .get()!;
      expect(sample).toMatchObject({
        type: "river_wetland",
        county: "高台县",
        areaHa: 142,
        investmentWan: 500,
        period: "2021-2025",
        status: "candidate",
        createdById: drafterC.user.id,
      });
      expect(sample.createdAt).toBeInstanceOf(Date);
      expect(auditOf(db, "project.import", c.planId)).toHaveLength(1);
      // a confirmed preview cannot be confirmed again
      expect(domainError(() => confirmProjectImport(drafterC, c.planId, id)).code).toBe("not_found");
      expect(verifyAuditChain(db).ok).toBe(true);
    }, 60_000);
  });

  describe("export, edit, import again", () => {
    let d: ReturnType<typeof makeCountyPlan>;
    let drafterD: Ctx;
    beforeAll(async () => {
      d = makeCountyPlan(db, "td", "山丹县");
      drafterD = await ctxFor(db, "td-drafter");
      createProject(
        drafterD,
        d.planId,
        input({
          name: "山丹县马营河湿地修复",
          county: "山丹县",
          investCentral: 2000,
          investProvincial: 1000,
          investLocal: 0,
          investSocial: 0,
        }),
      );
      const x = createProject(drafterD, d.planId, input({ name: "=山丹县城区绿地", county: "山丹县", type: "urban_green" }));
      updateProject(drafterD, x.id, { status: "excluded", reason: "-已列入城市更新项目" });
    });

    it("an unchanged export imports as nothing to do; an edited one updates the rows it changed", async () => {
      const exported = await libraryXlsx(planLibraryRows(drafterD, d.planId).rows);
      const same = await previewProjectImport(drafterD, d.planId, upload(exported));
      expect(same.summary).toMatchObject({ rows: 2, good: 2, bad: 0, create: 0, update: 0, unchanged: 2 });

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported.buffer.slice(exported.byteOffset, exported.byteOffset + exported.byteLength) as ArrayBuffer);
      const sheet = wb.getWorksheet(DATA_SHEET)!;
      sheet.getRow(2).getCell(5).value = 1300; // 面积
      sheet.addRow(goodRow(9, { name: "山丹县新增项目", county: "山丹县" }));
      const edited = Buffer.from(await wb.xlsx.writeBuffer());
      const preview = await previewProjectImport(drafterD, d.planId, upload(edited));
      expect(preview.summary).toMatchObject({ good: 3, bad: 0, create: 1, update: 1, unchanged: 1 });
      expect(confirmProjectImport(drafterD, d.planId, preview.id)).toEqual({ created: 1, updated: 1, unchanged: 1 });
      const now = listPlanProjects(drafterD, d.planId);
      expect(now.find((p) => p.name === "山丹县马营河湿地修复")).toMatchObject({ areaHa: 1300, investCentral: 2000 });
      expect(now.find((p) => p.name === "=山丹县城区绿地")).toMatchObject({ status: "excluded", reason: "-已列入城市更新项目" });
      expect(now.map((p) => p.name)).toContain("山丹县新增项目");
    });

    it("a preview the library has moved past is refused at confirmation", async () => {
      const { id } = await previewProjectImport(
        drafterD,
        d.planId,
        upload(await workbookBytes([goodRow(1, { name: "山丹县后到项目", county: "山丹县" })])),
      );
      createProject(drafterD, d.planId, input({ name: "山丹县后到项目", county: "山丹县" }));
      expect(domainError(() => confirmProjectImport(drafterD, d.planId, id))).toMatchObject({
        code: "conflict",
        messageKey: "library.import.stale",
      });
    });
  });
});
