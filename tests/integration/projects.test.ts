// The key-project library through its domain functions, against a real SQLite file: editing, who
// reads what, lookup of approved plans' projects and the library frozen after approval.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { goodRow, workbookBytes } from "../../app/lib/projects/fixture";
import { verifyAuditChain } from "../../app/models/audit.server";
import { createProject, getPlanLibrary, getProject, listPlanProjects, updateProject } from "../../app/models/project.server";
import { consolidatedLibrary, consolidatedLibraryRows, lookupProjects } from "../../app/models/project-lookup.server";
import { previewProjectImport } from "../../app/models/project-import.server";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor } from "./helpers";
import {
  approvePlan,
  auditOf,
  countRows,
  domainError,
  ensureZrj,
  input,
  makeCountyPlan,
  rejects,
  upload,
  zodPaths,
} from "./library-fixtures";

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
});
