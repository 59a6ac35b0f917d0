// The key-project library over HTTP against the built server and the demo's seven plans: API shapes,
// statuses (400 naming the field, 403, 409, 413), downloads, the import API and the pages.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~db/client";
import { goodRow, workbookBytes } from "../../app/lib/projects/fixture";
import { MAX_IMPORT_BYTES } from "../../app/lib/projects/limits";
import { DATA_SHEET } from "../../app/lib/projects/xlsx";
import { countRows } from "./library-fixtures";
import { startServer, type TestServer } from "./server";

let s: TestServer;
let plans: { id: string; title: string; region: string; level: string }[];
const planOf = (region: string) => plans.find((p) => p.level === "county" && p.region === region)!;
const project = (over: Record<string, unknown> = {}) => ({
  name: "甘州区黑河滩涂湿地修复（接口测试）",
  type: "river_wetland",
  county: "甘州区",
  township: "三闸镇",
  areaHa: 320.5,
  investmentWan: 2600,
  period: "2021-2025",
  ...over,
});

beforeAll(async () => {
  s = await startServer();
  plans = await (await s.get("/api/v1/plans", await s.loginAs("zrj"))).json();
});
afterAll(() => s?.stop());

async function issues(res: Response) {
  const body = await res.json();
  return { code: body.error.code as string, paths: ((body.error.issues ?? []) as { path: string }[]).map((i) => i.path) };
}

function upload(path: string, cookie: string, bytes: Uint8Array, name = "projects.xlsx") {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${s.base}${path}`, { method: "POST", body: form, redirect: "manual", headers: { Origin: s.base, Cookie: cookie } });
}

describe("the library API", () => {
  it("lists a plan's projects: the working library for its drafter, included projects for a reviewer", async () => {
    const ganzhou = planOf("甘州区");
    const drafter = await (await s.get(`/api/v1/plans/${ganzhou.id}/projects`, await s.loginAs("ganzhou-drafter"))).json();
    expect(drafter.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(drafter[0])).toEqual(
      expect.arrayContaining(["id", "name", "type", "county", "township", "areaHa", "investmentWan", "period", "status", "reason"]),
    );
    expect(drafter.some((p: { status: string }) => p.status === "candidate")).toBe(true);
    const reviewer = await (await s.get(`/api/v1/plans/${ganzhou.id}/projects`, await s.loginAs("fgw"))).json();
    expect(reviewer.length).toBe(drafter.filter((p: { status: string }) => p.status === "included").length);
    expect((await s.get(`/api/v1/plans/${ganzhou.id}/projects`)).status).toBe(401);
    expect((await s.get("/api/v1/plans/plan_nope/projects", await s.loginAs("fgw"))).status).toBe(404);
  });

  it("creates with 201, refuses bad values with 400 naming the field and a duplicate name with 409", async () => {
    const ganzhou = planOf("甘州区");
    const cookie = await s.loginAs("ganzhou-drafter");
    const created = await s.send("POST", `/api/v1/plans/${ganzhou.id}/projects`, cookie, project());
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(await (await s.get(`/api/v1/projects/${id}`, cookie)).json()).toMatchObject({ id, status: "candidate", areaHa: 320.5 });
    for (const [bad, field] of [
      [{ type: "wetland" }, "type"],
      [{ areaHa: -1 }, "areaHa"],
      [{ investmentWan: "很多" }, "investmentWan"],
      [{ period: "2036-2040" }, "period"],
      [{ name: "" }, "name"],
    ] as const) {
      const res = await s.send("POST", `/api/v1/plans/${ganzhou.id}/projects`, cookie, project({ name: `字段${field}`, ...bad }));
      expect(res.status).toBe(400);
      expect(await issues(res)).toEqual({ code: "invalid", paths: [field] });
    }
    const dup = await s.send("POST", `/api/v1/plans/${ganzhou.id}/projects`, cookie, project());
    expect(dup.status).toBe(409);
    expect(await issues(dup)).toEqual({ code: "conflict", paths: ["name"] });
  });

  it("other plans' drafters and reviewers get 403 on writes; an approved plan 409", async () => {
    const ganzhou = planOf("甘州区");
    const [mine] = await (await s.get(`/api/v1/plans/${ganzhou.id}/projects`, await s.loginAs("ganzhou-drafter"))).json();
    for (const user of ["linze-drafter", "ganzhou", "expert1", "zrj"]) {
      const cookie = await s.loginAs(user);
      expect((await s.send("POST", `/api/v1/plans/${ganzhou.id}/projects`, cookie, project({ name: `越权${user}` }))).status).toBe(403);
      expect((await s.send("PATCH", `/api/v1/projects/${mine.id}`, cookie, { areaHa: 1 })).status).toBe(403);
    }
    const shandan = planOf("山丹县");
    const cookie = await s.loginAs("shandan-drafter");
    const [frozen] = await (await s.get(`/api/v1/plans/${shandan.id}/projects`, cookie)).json();
    expect((await s.send("PATCH", `/api/v1/projects/${frozen.id}`, cookie, { areaHa: 1 })).status).toBe(409);
    expect((await s.send("POST", `/api/v1/plans/${shandan.id}/projects`, cookie, project({ county: "山丹县" }))).status).toBe(409);
  });

  it("PATCH changes fields or the status; excluding needs a reason", async () => {
    const ganzhou = planOf("甘州区");
    const cookie = await s.loginAs("ganzhou-drafter");
    const { id } = await (
      await s.send("POST", `/api/v1/plans/${ganzhou.id}/projects`, cookie, project({ name: "甘州区状态测试项目" }))
    ).json();
    const noReason = await s.send("PATCH", `/api/v1/projects/${id}`, cookie, { status: "excluded" });
    expect(noReason.status).toBe(400);
    expect(await issues(noReason)).toEqual({ code: "invalid", paths: ["reason"] });
    const excluded = await s.send("PATCH", `/api/v1/projects/${id}`, cookie, { status: "excluded", reason: "与生态保护红线重叠" });
    expect(excluded.status).toBe(200);
    expect(await excluded.json()).toMatchObject({ id, status: "excluded", reason: "与生态保护红线重叠" });
    expect(await (await s.send("PATCH", `/api/v1/projects/${id}`, cookie, { areaHa: 400, status: "included" })).json()).toMatchObject({
      areaHa: 400,
      status: "included",
      reason: "",
    });
    expect((await s.send("PUT", `/api/v1/projects/${id}`, cookie, {})).status).toBe(405);
  });
});

describe("lookup and the consolidated library", () => {
  it("any signed-in user finds included projects of approved plans, with the plan and the approved edition", async () => {
    const results = await (await s.get(`/api/v1/projects?q=${encodeURIComponent("草原")}`, await s.loginAs("fgw"))).json();
    expect(results.length).toBeGreaterThan(0);
    const approved = new Set([planOf("山丹县").id, planOf("民乐县").id]);
    for (const r of results) {
      expect(r).toMatchObject({
        status: "included",
        plan: { id: expect.any(String), title: expect.any(String) },
        edition: { id: expect.any(String), label: expect.any(String), manifestHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
      expect(r.name).toContain("草原");
      expect(approved.has(r.plan.id)).toBe(true);
    }
    const county = await (
      await s.get(`/api/v1/projects?q=${encodeURIComponent("草原")}&county=${encodeURIComponent("民乐县")}`, await s.loginAs("fgw"))
    ).json();
    expect(county.length).toBeGreaterThan(0);
    expect(county.every((r: { county: string }) => r.county === "民乐县")).toBe(true);
    const byType = await (await s.get(`/api/v1/projects?type=mine`, await s.loginAs("fgw"))).json();
    expect(byType.length).toBeGreaterThan(0);
    expect(byType.every((r: { type: string }) => r.type === "mine")).toBe(true);
    expect((await s.get("/api/v1/projects?type=wetland", await s.loginAs("fgw"))).status).toBe(400);
  });

  it("zrj also sees candidates of plans not yet approved (edition null)", async () => {
    const results = await (await s.get(`/api/v1/projects?q=${encodeURIComponent("湿地")}`, await s.loginAs("zrj"))).json();
    const pending = results.filter((r: { edition: unknown }) => r.edition === null);
    expect(pending.length).toBeGreaterThan(0);
    expect(results.some((r: { status: string }) => r.status === "candidate")).toBe(true);
    expect(results.some((r: { plan: { id: string } }) => r.plan.id === planOf("甘州区").id)).toBe(true);
  });

  it("the consolidated .xlsx: coordinator and admins; every plan with its plan column; others 403", async () => {
    const res = await s.get("/api/v1/projects.xlsx", await s.loginAs("zrj"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet(DATA_SHEET)!;
    expect(sheet.getRow(1).getCell(1).value).toBe("所属规划");
    const planTitles = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) planTitles.add(String(row.getCell(1).value));
    });
    expect(planTitles.size).toBe(7);
    expect(wb.getWorksheet("汇总")).toBeDefined();
    expect((await s.get("/api/v1/projects.xlsx", await s.loginAs("admin"))).status).toBe(200);
    for (const user of ["fgw", "drafter", "ganzhou-drafter"]) {
      const refused = await s.get("/api/v1/projects.xlsx", await s.loginAs(user));
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe("forbidden");
    }
  });

  it("the template and a plan's export download as workbooks", async () => {
    const cookie = await s.loginAs("fgw");
    const template = await s.get("/api/v1/projects/template.xlsx", cookie);
    expect(template.status).toBe(200);
    expect(template.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const plan = await s.get(`/api/v1/plans/${planOf("山丹县").id}/projects.xlsx`, cookie);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await plan.arrayBuffer());
    const statuses = new Set<string>();
    wb.getWorksheet(DATA_SHEET)!.eachRow((row, n) => {
      if (n > 1) statuses.add(String(row.getCell(13).value));
    });
    expect([...statuses]).toEqual(["纳入"]); // a reviewer's export holds the included projects only
  });
});

describe("import over HTTP", () => {
  it("the API: a bad row is named with its message; a clean file previews and confirms", async () => {
    const gaotai = planOf("高台县");
    const cookie = await s.loginAs("gaotai-drafter");
    const post = (bytes: Uint8Array) =>
      fetch(`${s.base}/api/v1/plans/${gaotai.id}/project-imports`, {
        method: "POST",
        body: new Uint8Array(bytes),
        headers: {
          Origin: s.base,
          Cookie: cookie,
          "Content-Type": "application/octet-stream",
          "X-File-Name": encodeURIComponent("高台县项目.xlsx"),
        },
      });
    const bad = await post(await workbookBytes([goodRow(1, { county: "高台县" }), goodRow(2, { county: "高台县", areaHa: -5 })]));
    expect(bad.status).toBe(201);
    const preview = await bad.json();
    expect(preview).toMatchObject({ fileName: "高台县项目.xlsx", summary: { rows: 2, good: 1, bad: 1 } });
    expect(preview.problems).toEqual([
      {
        row: 3,
        name: "黑河湿地保护修复项目2",
        problems: [{ field: "areaHa", key: "library.validation.negative", column: "面积（公顷）", message: "不能为负数。" }],
      },
    ]);
    expect((await s.send("POST", `/api/v1/plans/${gaotai.id}/project-imports/${preview.id}`, cookie)).status).toBe(409);

    const good = await (await post(await workbookBytes([goodRow(1, { county: "高台县" }), goodRow(2, { county: "高台县" })]))).json();
    expect(good.summary).toMatchObject({ good: 2, bad: 0, create: 2 });
    expect((await s.get(`/api/v1/plans/${gaotai.id}/project-imports/${good.id}`, await s.loginAs("linze-drafter"))).status).toBe(403);
    const confirmed = await s.send("POST", `/api/v1/plans/${gaotai.id}/project-imports/${good.id}`, cookie);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });

  it("the page refuses over 10 MB (413) and a file that is not a workbook (400), storing nothing", async () => {
    const ganzhou = planOf("甘州区");
    const cookie = await s.loginAs("ganzhou-drafter");
    const db = openDatabase(s.dbFile, { runMigrations: false });
    try {
      const before = { imports: countRows(db, "project_imports"), projects: countRows(db, "projects") };
      const big = new Uint8Array(MAX_IMPORT_BYTES + 1024);
      big.set([0x50, 0x4b, 0x03, 0x04]);
      const tooBig = await upload(`/plans/${ganzhou.id}/projects/import`, cookie, big);
      expect(tooBig.status).toBe(413);
      expect(await tooBig.text()).toContain("文件超过 10 MB");
      const text = await upload(
        `/plans/${ganzhou.id}/projects/import`,
        cookie,
        Buffer.from("项目名称,项目类型\n湿地,mine\n"),
        "projects.xlsx",
      );
      expect(text.status).toBe(400);
      expect(await text.text()).toContain("不是 Excel 工作簿");
      const apiBig = await fetch(`${s.base}/api/v1/plans/${ganzhou.id}/project-imports`, {
        method: "POST",
        body: new Uint8Array(big),
        headers: { Origin: s.base, Cookie: cookie },
      });
      expect(apiBig.status).toBe(413);
      expect(countRows(db, "project_imports")).toBe(before.imports);
      expect(countRows(db, "projects")).toBe(before.projects);
    } finally {
      db.$client.close();
    }
  });
});

describe("pages", () => {
  it("the library, the import page, the lookup and the consolidated library answer the right people", async () => {
    const ganzhou = planOf("甘州区");
    const drafter = await s.loginAs("ganzhou-drafter");
    const library = await s.get(`/plans/${ganzhou.id}/projects`, drafter);
    expect(library.status).toBe(200);
    const html = await library.text();
    expect(html).toContain("重点项目库");
    expect(html).toContain("张掖国家湿地公园及黑河甘州段湿地保护修复项目");
    expect((await s.get(`/plans/${ganzhou.id}/projects/import`, drafter)).status).toBe(200);
    expect((await s.get(`/plans/${ganzhou.id}/projects/import`, await s.loginAs("linze-drafter"))).status).toBe(403);
    const lookup = await s.get(`/projects?q=${encodeURIComponent("焉支")}`, await s.loginAs("fgw"));
    expect(lookup.status).toBe(200);
    const answer = await lookup.text();
    expect(answer).toContain("山丹县焉支山（大黄山）森林生态保护修复项目");
    expect(answer).toContain("已纳入已批准规划");
    expect((await s.get("/projects/all", await s.loginAs("fgw"))).status).toBe(403);
    const all = await s.get("/projects/all", await s.loginAs("zrj"));
    expect(all.status).toBe(200);
    expect(await all.text()).toContain("分规划汇总");
  });
});
