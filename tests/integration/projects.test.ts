// The key-project library through its domain functions, against a real SQLite file.
import { Document, Packer, Paragraph } from "docx";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db } from "~db/client";
import { auditEvents, projects } from "~db/schema";
import { bigWorkbookBytes, goodRow, workbookBytes } from "../../app/lib/projects/fixture";
import { MAX_IMPORT_BYTES } from "../../app/lib/projects/limits";
import { DATA_SHEET, libraryXlsx } from "../../app/lib/projects/xlsx";
import { verifyAuditChain } from "../../app/models/audit.server";
import { createProject, getPlanLibrary, getProject, listPlanProjects, updateProject } from "../../app/models/project.server";
import { consolidatedLibrary, consolidatedLibraryRows, lookupProjects, planLibraryRows } from "../../app/models/project-lookup.server";
import { confirmProjectImport, getProjectImport, previewProjectImport } from "../../app/models/project-import.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor } from "./helpers";
import { approvePlan, countRows, ensureUser, ensureZrj, makeCountyPlan } from "./library-fixtures";

const input = (over: Record<string, unknown> = {}) => ({
  name: "黑河湿地保护修复工程",
  type: "river_wetland",
  county: "甘州区",
  township: "党寨镇",
  areaHa: 1200.5,
  investmentWan: 3000,
  period: "2021-2025",
  ...over,
});

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}
function zodPaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZodError) return e.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    throw e;
  }
  throw new Error("expected a ZodError");
}
async function rejects(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}
const upload = (bytes: Uint8Array, name = "projects.xlsx") => ({ name, bytes });
const auditOf = (db: Db, action: string, entityId: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
    .all();

describe("key-project library", () => {
  let db: Db;
  let cleanup: () => void;
  let a: ReturnType<typeof makeCountyPlan>;
  let b: ReturnType<typeof makeCountyPlan>;
  let drafterA: Ctx;
  let drafterB: Ctx;
  let cityDrafter: Ctx;
  let reviewer: Ctx;
  let expert: Ctx;
  let zrj: Ctx;
  let admin: Ctx;

  beforeAll(async () => {
    ({ db, cleanup } = createTestDb());
    a = makeCountyPlan(db, "ta", "甘州区");
    b = makeCountyPlan(db, "tb", "临泽县");
    ensureZrj(db);
    [drafterA, drafterB, cityDrafter, reviewer, expert, zrj, admin] = await Promise.all(
      ["ta-drafter", "tb-drafter", "drafter", "ganzhou", "expert2", "zrj", "admin"].map((u) => ctxFor(db, u)),
    );
  });
  afterAll(() => cleanup());

  describe("editing", () => {
    it("the plan's drafter adds a candidate project, audited", () => {
      const { id } = createProject(drafterA, a.planId, input());
      const p = getProject(drafterA, id);
      expect(p).toMatchObject({
        name: "黑河湿地保护修复工程",
        type: "river_wetland",
        county: "甘州区",
        township: "党寨镇",
        areaHa: 1200.5,
        investmentWan: 3000,
        period: "2021-2025",
        status: "candidate",
        reason: "",
        investCentral: null,
      });
      expect(auditOf(db, "project.create", id)).toHaveLength(1);
      expect(listPlanProjects(drafterA, a.planId).map((x) => x.id)).toContain(id);
    });

    it("refuses bad values, naming the field", () => {
      expect(zodPaths(() => createProject(drafterA, a.planId, input({ name: "x1", type: "wetland" })))).toEqual([
        "type:library.validation.type",
      ]);
      expect(zodPaths(() => createProject(drafterA, a.planId, input({ name: "x2", areaHa: -3 })))).toEqual([
        "areaHa:library.validation.negative",
      ]);
      expect(zodPaths(() => createProject(drafterA, a.planId, input({ name: "x3", investmentWan: -1 })))).toEqual([
        "investmentWan:library.validation.negative",
      ]);
      expect(zodPaths(() => createProject(drafterA, a.planId, input({ name: "x4", period: "2021-2030" })))).toEqual([
        "period:library.validation.period",
      ]);
      expect(zodPaths(() => createProject(drafterA, a.planId, input({ name: "x5", investCentral: 1000, investProvincial: 1000 })))).toEqual(
        ["investmentWan:library.validation.fundingSum"],
      );
      const dup = domainError(() => createProject(drafterA, a.planId, input({ township: "另一个镇" })));
      expect(dup.code).toBe("conflict");
      expect(dup.extra.issues?.[0].path).toBe("name");
      expect(countRows(db, "projects", a.planId)).toBe(1);
    });

    it("changes fields and status; excluding needs a reason; every change is audited with from and to", () => {
      const { id } = createProject(
        drafterA,
        a.planId,
        input({ name: "甘州区城区绿道", type: "urban_green", areaHa: 20, investmentWan: 600 }),
      );
      const changed = updateProject(drafterA, id, {
        areaHa: 25,
        investCentral: 300,
        investProvincial: 100,
        investLocal: 200,
        investSocial: 0,
      });
      expect(changed).toMatchObject({ areaHa: 25, investCentral: 300, investSocial: 0, status: "candidate" });
      const [event] = auditOf(db, "project.update", id);
      expect(JSON.parse(event.data)).toMatchObject({
        planId: a.planId,
        from: { areaHa: 20, investCentral: null },
        to: { areaHa: 25, investCentral: 300 },
      });
      expect(zodPaths(() => updateProject(drafterA, id, { status: "excluded" }))).toEqual(["reason:library.validation.reasonRequired"]);
      expect(zodPaths(() => updateProject(drafterA, id, { investmentWan: 700 }))).toEqual(["investmentWan:library.validation.fundingSum"]);
      expect(updateProject(drafterA, id, { status: "excluded", reason: "与城市开发边界重叠" })).toMatchObject({
        status: "excluded",
        reason: "与城市开发边界重叠",
      });
      expect(updateProject(drafterA, id, { status: "included" })).toMatchObject({ status: "included", reason: "" });
      expect(auditOf(db, "project.update", id)).toHaveLength(3);
      // nothing changed, nothing recorded
      updateProject(drafterA, id, { status: "included" });
      expect(auditOf(db, "project.update", id)).toHaveLength(3);
      const other = createProject(drafterA, a.planId, input({ name: "甘州区城区绿道二期", type: "urban_green" }));
      expect(domainError(() => updateProject(drafterA, other.id, { name: "甘州区城区绿道" })).code).toBe("conflict");
      expect(verifyAuditChain(db).ok).toBe(true);
    });

    it("only the plan's own drafters write: other drafters and reviewers get 403, an unknown plan 404", () => {
      const [p] = listPlanProjects(drafterA, a.planId);
      for (const ctx of [drafterB, cityDrafter, reviewer, expert, zrj]) {
        expect(domainError(() => createProject(ctx, a.planId, input({ name: "越权" }))).code).toBe("forbidden");
        expect(domainError(() => updateProject(ctx, p.id, { areaHa: 1 })).code).toBe("forbidden");
      }
      expect(domainError(() => createProject(drafterA, "plan_nope", input())).code).toBe("not_found");
      expect(domainError(() => updateProject(drafterA, "prj_nope", { areaHa: 1 })).code).toBe("not_found");
    });

    it("the working library for drafters, the city team, admins and the coordinator; included projects for everyone else", () => {
      const all = listPlanProjects(drafterA, a.planId);
      expect(new Set(all.map((p) => p.status))).toEqual(new Set(["candidate", "included"]));
      for (const ctx of [cityDrafter, admin, zrj]) expect(listPlanProjects(ctx, a.planId)).toHaveLength(all.length);
      for (const ctx of [reviewer, expert, drafterB]) {
        const seen = listPlanProjects(ctx, a.planId);
        expect(seen.length).toBe(all.filter((p) => p.status === "included").length);
        expect(seen.every((p) => p.status === "included")).toBe(true);
      }
      const candidate = all.find((p) => p.status === "candidate")!;
      expect(domainError(() => getProject(reviewer, candidate.id)).code).toBe("not_found");
      expect(getPlanLibrary(reviewer, a.planId).may).toEqual({ edit: false, seesWorking: false, drafts: false });
      expect(getPlanLibrary(drafterA, a.planId).may).toEqual({ edit: true, seesWorking: true, drafts: true });
      expect(getPlanLibrary(drafterA, a.planId, { type: "urban_green" }).projects.every((p) => p.type === "urban_green")).toBe(true);
    });
  });

  describe("lookup and freezing", () => {
    let approved: ReturnType<typeof approvePlan>;
    let includedId: string;
    beforeAll(() => {
      includedId = createProject(drafterB, b.planId, input({ name: "临泽县黑河湿地公园修复", county: "临泽县" })).id;
      updateProject(drafterB, includedId, { status: "included" });
      createProject(drafterB, b.planId, input({ name: "临泽县湿地候选项目", county: "临泽县" }));
      createProject(drafterB, b.planId, input({ name: "临泽县丹霞矿山修复", county: "临泽县", type: "mine" }));
      const x = createProject(drafterB, b.planId, input({ name: "临泽县100%_湿地", county: "临泽县" }));
      updateProject(drafterB, x.id, { status: "included" });
      approved = approvePlan(db, b.planId, drafterB.user.id);
    });

    it("after approval the library is frozen: 409 on every write", async () => {
      expect(domainError(() => createProject(drafterB, b.planId, input({ name: "批后新增" }))).code).toBe("conflict");
      expect(domainError(() => updateProject(drafterB, includedId, { areaHa: 1 })).code).toBe("conflict");
      expect((await rejects(previewProjectImport(drafterB, b.planId, upload(await workbookBytes([goodRow(1)]))))).code).toBe("conflict");
      expect(getPlanLibrary(drafterB, b.planId).may.edit).toBe(false);
    });

    it("finds included projects of approved plans by a two-character fragment, with the approved edition", () => {
      const { results } = lookupProjects(reviewer, { q: "湿地" });
      const hit = results.find((r) => r.id === includedId)!;
      expect(hit).toMatchObject({
        name: "临泽县黑河湿地公园修复",
        status: "included",
        plan: { id: b.planId },
        edition: { id: approved.editionId, label: "报批稿", manifestHash: approved.manifestHash },
        approval: { documentNumber: "张政函〔2021〕85号" },
      });
      expect(hit.plan.title).toContain("临泽县");
      // candidates of an approved plan and projects of plans not approved stay out for a reviewer
      expect(results.map((r) => r.name)).not.toContain("临泽县湿地候选项目");
      expect(results.every((r) => r.edition !== null && r.status === "included")).toBe(true);
      expect(results.some((r) => r.plan.id === a.planId)).toBe(false);
    });

    it("filters by county and type, and escapes % and _", () => {
      expect(lookupProjects(reviewer, { q: "湿地", county: "临泽县" }).results.every((r) => r.county === "临泽县")).toBe(true);
      expect(lookupProjects(reviewer, { q: "湿地", county: "甘州区" }).results.some((r) => r.plan.id === b.planId)).toBe(false);
      expect(lookupProjects(reviewer, { q: "黑河", type: "mine" }).results.some((r) => r.id === includedId)).toBe(false);
      expect(lookupProjects(reviewer, { q: "黑河", type: "重要河流湿地保护修复" }).results.some((r) => r.id === includedId)).toBe(true);
      expect(lookupProjects(reviewer, { q: "100%_" }).results.map((r) => r.name)).toEqual(["临泽县100%_湿地"]);
      expect(lookupProjects(reviewer, { q: "%" }).results.map((r) => r.name)).toEqual(["临泽县100%_湿地"]);
      expect(lookupProjects(reviewer, { q: "_" }).results.map((r) => r.name)).toEqual(["临泽县100%_湿地"]);
      expect(zodPaths(() => lookupProjects(reviewer, { type: "wetland" }))).toEqual(["type:library.validation.type"]);
    });

    it("the coordinator and admins also see candidates, of plans not yet approved too (edition null)", () => {
      for (const ctx of [zrj, admin]) {
        const { results } = lookupProjects(ctx, { q: "湿地" });
        expect(results.find((r) => r.name === "临泽县湿地候选项目")).toMatchObject({
          status: "candidate",
          edition: { id: approved.editionId },
        });
        const pending = results.find((r) => r.plan.id === a.planId && r.status === "candidate")!;
        expect(pending.edition).toBeNull();
        expect(pending.approval).toBeNull();
      }
    });

    it("the consolidated library: coordinator and admins; every plan with totals; others 403", () => {
      const lib = consolidatedLibrary(zrj);
      const planB = lib.plans.find((p) => p.id === b.planId)!;
      expect(planB).toMatchObject({
        approved: true,
        totals: { total: 4, candidate: 2, included: 2, excluded: 0, includedAreaHa: 2401, includedInvestmentWan: 6000 },
      });
      expect(lib.plans.find((p) => p.id === a.planId)!.approved).toBe(false);
      expect(lib.all.total).toBe(lib.projects.length);
      expect(lib.byType.find((t) => t.type === "mine")!.totals.total).toBeGreaterThanOrEqual(1);
      expect(lib.projects.find((p) => p.id === includedId)!.plan.title).toContain("临泽县");
      expect(consolidatedLibraryRows(admin).rows.length).toBe(lib.projects.length);
      for (const ctx of [reviewer, cityDrafter, drafterA, expert])
        expect(domainError(() => consolidatedLibrary(ctx)).code).toBe("forbidden");
    });
  });

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
