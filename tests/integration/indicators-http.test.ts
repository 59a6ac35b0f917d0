// Indicator tables seen from outside: the JSON API (statuses, error shapes naming the cell), the editor
// page as a plain form without JavaScript, cell comments in the reading view and the API, the frozen
// tables in the edition's JSON, diff, Word export and adoption table.
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

let s: TestServer;
let drafter = "";
let minle = "";
let zrj = "";
let gaotaiDrafter = "";
let city = { id: "", textDocumentId: "", editionId: "", roundId: "" };
let ganzhouId = "";

const form = (cookie: string, path: string, fields: [string, string][]) =>
  fetch(`${s.base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: s.base, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });

/** The editor's fields for a table, as the browser would post them. */
function fieldsOf(
  table: {
    code: string;
    name: string;
    unit: string;
    kind: string;
    direction: string;
    rollup: string;
    baseline: number | null;
    targets: Record<string, number | null>;
  }[],
): [string, string][] {
  const v = (n: number | null) => (n === null ? "" : String(n));
  return table.flatMap((r, i) => [
    [`indicators.${i}.code`, r.code],
    [`indicators.${i}.name`, r.name],
    [`indicators.${i}.unit`, r.unit],
    [`indicators.${i}.kind`, r.kind],
    [`indicators.${i}.direction`, r.direction],
    [`indicators.${i}.rollup`, r.rollup],
    [`indicators.${i}.baseline`, v(r.baseline)],
    [`indicators.${i}.targets.2025`, v(r.targets["2025"])],
    [`indicators.${i}.targets.2030`, v(r.targets["2030"])],
    [`indicators.${i}.targets.2035`, v(r.targets["2035"])],
  ]) as [string, string][];
}

beforeAll(async () => {
  s = await startServer();
  [drafter, minle, zrj, gaotaiDrafter] = await Promise.all(["drafter", "minle", "zrj", "gaotai-drafter"].map((u) => s.loginAs(u)));
  const plans = await (await s.get("/api/v1/plans", zrj)).json();
  const cityPlan = plans.find((p: { level: string }) => p.level === "city");
  ganzhouId = plans.find((p: { region: string }) => p.region === "甘州区").id;
  const detail = await (await s.get(`/api/v1/plans/${cityPlan.id}`, drafter)).json();
  const text = detail.documents.find((d: { kind: string }) => d.kind === "text");
  const edition = detail.editions.find((e: { documentId: string }) => e.documentId === text.id);
  city = {
    id: cityPlan.id,
    textDocumentId: text.id,
    editionId: edition.id,
    roundId: detail.rounds.find((r: { editionId: string }) => r.editionId === edition.id).id,
  };
});
afterAll(() => s?.stop());

describe("GET and PUT /api/v1/plans/:planId/indicators", () => {
  it("answers the table (working values to the drafters, the published edition's to others); 401 and 404", async () => {
    const mine = await (await s.get(`/api/v1/plans/${city.id}/indicators`, drafter)).json();
    expect(mine.find((r: { code: string }) => r.code === "ZB02")).toEqual({
      code: "ZB02",
      name: "森林覆盖率",
      unit: "%",
      kind: "binding",
      direction: "up",
      rollup: "none",
      baseline: 19.6,
      targets: { "2025": 20.3, "2030": 20.9, "2035": 21.5 },
    });
    expect(await (await s.get(`/api/v1/plans/${city.id}/indicators`, minle)).json()).toEqual(mine);
    expect((await s.get(`/api/v1/plans/${city.id}/indicators`)).status).toBe(401);
    const missing = await s.get("/api/v1/plans/plan_nope/indicators", drafter);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
  });

  it("PUT saves the whole table for the plan's drafters; 400 names the cell in the user's language; 403 for others", async () => {
    const table = await (await s.get(`/api/v1/plans/${city.id}/indicators`, drafter)).json();
    const bad = table.map((r: { targets: Record<string, unknown> }, i: number) =>
      i === 3 ? { ...r, targets: { ...r.targets, "2030": -5 } } : r,
    );
    const refused = await s.send("PUT", `/api/v1/plans/${city.id}/indicators`, drafter, bad);
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.error.code).toBe("invalid");
    expect(body.error.issues).toEqual([{ path: "indicators.3.targets.2030", message: "不能为负数。" }]);
    const words = await s.send("PUT", `/api/v1/plans/${city.id}/indicators`, drafter, {
      indicators: table.map((r: { targets: Record<string, unknown> }, i: number) =>
        i === 0 ? { ...r, targets: { ...r.targets, "2025": "很多" } } : r,
      ),
    });
    expect((await words.json()).error.issues).toEqual([{ path: "indicators.0.targets.2025", message: "请输入数字（可留空）。" }]);

    expect((await s.send("PUT", `/api/v1/plans/${city.id}/indicators`, gaotaiDrafter, table)).status).toBe(403);
    expect((await s.send("PUT", `/api/v1/plans/${city.id}/indicators`, minle, table)).status).toBe(403);
    expect((await s.send("POST", `/api/v1/plans/${city.id}/indicators`, drafter, table)).status).toBe(405);
    const crossSite = await fetch(`${s.base}/api/v1/plans/${city.id}/indicators`, {
      method: "PUT",
      headers: { Origin: "https://evil.example", Cookie: drafter, "Content-Type": "application/json" },
      body: JSON.stringify(table),
    });
    expect(crossSite.status).toBe(403);

    const changed = table.map((r: { code: string; targets: Record<string, unknown> }) =>
      r.code === "ZB04" ? { ...r, unit: "％", targets: { ...r.targets, "2035": 71 } } : r,
    );
    const saved = await s.send("PUT", `/api/v1/plans/${city.id}/indicators`, drafter, changed);
    expect(saved.status).toBe(200);
    expect((await saved.json()).find((r: { code: string }) => r.code === "ZB04")).toMatchObject({ unit: "％", targets: { "2035": 71 } });
    // reviewers still see the published values until the next edition
    const published = await (await s.get(`/api/v1/plans/${city.id}/indicators`, minle)).json();
    expect(published.find((r: { code: string }) => r.code === "ZB04")).toMatchObject({ unit: "%", targets: { "2035": 70 } });
  });
});

describe("GET /api/v1/plans/:cityPlanId/indicator-check", () => {
  it("answers every sum indicator × year with the counties beside; 404 on a county plan; 403 for reviewers", async () => {
    const res = await s.get(`/api/v1/plans/${city.id}/indicator-check`, zrj);
    expect(res.status).toBe(200);
    const rows = await res.json();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual([
        "city",
        "code",
        "counties",
        "countySum",
        "direction",
        "name",
        "ok",
        "shortfall",
        "unit",
        "year",
      ]);
      const sum = r.counties.reduce((a: number, c: { value: number | null }) => a + (c.value ?? 0), 0);
      expect(r.countySum).toBeCloseTo(sum, 6);
      expect(r.ok).toBe(r.direction === "up" ? r.countySum >= r.city : r.countySum <= r.city);
      expect(r.counties).toHaveLength(6);
    }
    // the demo has one county whose targets fail the check
    expect(rows.some((r: { ok: boolean }) => !r.ok)).toBe(true);
    const county = await s.get(`/api/v1/plans/${ganzhouId}/indicator-check`, zrj);
    expect(county.status).toBe(404);
    expect((await county.json()).error.message).toContain("只适用于市级规划");
    expect((await s.get(`/api/v1/plans/${city.id}/indicator-check`, minle)).status).toBe(403);
    // the dashboard carries the count
    const dashboard = await (await s.get(`/plans/${city.id}`, zrj)).text();
    expect(dashboard).toContain(`上下衔接校核：${rows.filter((r: { ok: boolean }) => !r.ok).length} 项不衔接`);
  });
});

describe("the indicator page as a plain form (no JavaScript)", () => {
  it("shows the editor to the plan's drafters and the table to others", async () => {
    const page = await (await s.get(`/plans/${city.id}/indicators`, drafter)).text();
    expect(page).toContain("保存指标表");
    expect(page).toContain('name="indicators.0.targets.2030"');
    expect(page).toContain("上下衔接校核");
    const read = await (await s.get(`/plans/${city.id}/indicators`, minle)).text();
    expect(read).not.toContain("保存指标表");
    expect(read).toContain("森林覆盖率");
    expect(read).not.toContain('data-testid="check-section"');
    expect((await s.get(`/plans/plan_nope/indicators`, minle)).status).toBe(404);
  });

  it("refuses a negative number with the message at the cell and keeps what was typed", async () => {
    const table = await (await s.get(`/api/v1/plans/${city.id}/indicators`, drafter)).json();
    const fields = fieldsOf(table).map(([k, v]): [string, string] => (k === "indicators.2.targets.2030" ? [k, "-58.5"] : [k, v]));
    const res = await form(drafter, `/plans/${city.id}/indicators`, [["intent", "save"], ...fields]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("第 3 行“2030年”：不能为负数。");
    expect(html).toMatch(/id="ind-2-targets-2030"[^>]*value="-58.5"|value="-58.5"[^>]*id="ind-2-targets-2030"/);
    expect(html).toContain('aria-invalid="true"');
  });

  it("adds and removes rows through the server, then saves", async () => {
    const table = await (await s.get(`/api/v1/plans/${city.id}/indicators`, drafter)).json();
    const added = await (await form(drafter, `/plans/${city.id}/indicators`, [["intent", "add"], ...fieldsOf(table)])).text();
    expect(added).toContain(`name="indicators.${table.length}.code"`);
    const removed = await (await form(drafter, `/plans/${city.id}/indicators`, [["intent", "remove:0"], ...fieldsOf(table)])).text();
    expect(removed).not.toContain(`name="indicators.${table.length - 1}.code"`);
    expect(removed).not.toContain('value="ZB01"');
    const next = [
      ...table,
      {
        code: "ZB20",
        name: "测试指标",
        unit: "处",
        kind: "expected",
        direction: "up",
        rollup: "none",
        baseline: null,
        targets: { "2025": 1, "2030": 2, "2035": 3 },
      },
    ];
    const saved = await form(drafter, `/plans/${city.id}/indicators`, [["intent", "save"], ...fieldsOf(next)]);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("指标表已保存，1 项指标有变化。");
    const after = await (await s.get(`/api/v1/plans/${city.id}/indicators`, drafter)).json();
    expect(after.at(-1)).toMatchObject({ code: "ZB20", unit: "处", targets: { "2030": 2 } });
  });
});

describe("comments on a cell", () => {
  let commentId = "";
  it("the reading view offers every target cell to an invited reviewer, and the form opens with the cell's words", async () => {
    const page = await (await s.get(`/editions/${city.editionId}?round=${city.roundId}`, minle)).text();
    expect(page).toContain('data-cell="ZB02:2030"');
    expect(page).toContain("规划指标表");
    const withForm = await (await s.get(`/editions/${city.editionId}?round=${city.roundId}&cell=ZB02&year=2030`, minle)).text();
    expect(withForm).toContain('data-testid="cell-comment-form"');
    expect(withForm).toContain("森林覆盖率 2030 年目标值：20.9%");
    // without a round there is nothing to click
    expect(await (await s.get(`/editions/${city.editionId}`, minle)).text()).not.toContain("data-cell=");
  });

  it("posts the cell form without JavaScript", async () => {
    const page = await (await s.get(`/editions/${city.editionId}?round=${city.roundId}&cell=ZB02&year=2030`, minle)).text();
    const sectionId = /name="sectionId" value="([^"]+)"/.exec(page.slice(page.indexOf('data-testid="cell-comment-form"')))![1];
    const res = await form(minle, `/editions/${city.editionId}?round=${city.roundId}&index`, [
      ["intent", "comment"],
      ["sectionId", sectionId],
      ["cell.indicator", "ZB02"],
      ["cell.year", "2030"],
      ["category", "question"],
      ["body", "森林覆盖率 2030 年目标值：20.9%。民乐县浅山区宜林地有限，请复核。"],
    ]);
    expect([200, 204]).toContain(res.status);
    const list = await (await s.get(`/api/v1/rounds/${city.roundId}/comments`, minle)).json();
    const mine = list.find((c: { body: string }) => c.body.includes("浅山区宜林地"));
    expect(mine).toMatchObject({
      sectionId,
      anchor: null,
      cell: { indicator: "ZB02", year: "2030", name: "森林覆盖率", unit: "%", value: 20.9 },
    });
    commentId = mine.id;
    // highlighted on its cell
    const reading = await (await s.get(`/editions/${city.editionId}?round=${city.roundId}`, minle)).text();
    expect(reading).toContain(`data-comment-id="${commentId}"`);
  });

  it("the API takes cell instead of anchor; an unknown code or year is 400", async () => {
    const post = (body: unknown) => s.send("POST", `/api/v1/rounds/${city.roundId}/comments`, minle, body);
    const ok = await post({ cell: { indicator: "ZB08", year: "2035" }, body: "矿山修复面积目标偏高。", category: "revise" });
    expect(ok.status).toBe(201);
    const unknown = await post({ cell: { indicator: "NOPE", year: "2030" }, body: "x", category: "other" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toBe("本稿次的指标表中没有这个指标。");
    const year = await post({ cell: { indicator: "ZB02", year: "2050" }, body: "x", category: "other" });
    expect(year.status).toBe(400);
    expect((await year.json()).error.issues[0]).toEqual({ path: "cell.year", message: "目标年份只能是 2025、2030 或 2035。" });
  });

  it("shows in the adoption table with 原文 “<指标名称>（<年>年）：<值><单位>”", async () => {
    const csv = await (await s.get(`/api/v1/rounds/${city.roundId}/adoption-table.csv`, drafter)).text();
    expect(csv).toContain("森林覆盖率（2030年）：20.9%");
    expect(csv).toContain("历史遗留矿山生态修复面积（累计）（2035年）：2800公顷");
  });

  it("a later edition freezes the new values: the comment's cell is changed old → new; the diff and the export show the tables", async () => {
    const table = await (await s.get(`/api/v1/plans/${city.id}/indicators`, drafter)).json();
    const next = table.map((r: { code: string; targets: Record<string, unknown> }) =>
      r.code === "ZB02" ? { ...r, targets: { ...r.targets, "2030": 21.2 } } : r,
    );
    expect((await s.send("PUT", `/api/v1/plans/${city.id}/indicators`, drafter, next)).status).toBe(200);
    const published = await s.send("POST", `/api/v1/documents/${city.textDocumentId}/editions`, drafter, { label: "送审稿" });
    expect(published.status).toBe(201);
    const later = await published.json();
    expect(later.tables.map((t: { kind: string }) => t.kind)).toEqual(["indicators", "projects"]);

    const at = await (await s.get(`/api/v1/comments/${commentId}?at=${later.id}`, minle)).json();
    expect(at.cell).toMatchObject({ indicator: "ZB02", year: "2030", value: 20.9, state: "changed", old: 20.9, new: 21.2 });
    expect((await s.get(`/api/v1/comments/${commentId}?at=edn_nope`, minle)).status).toBe(404);

    const edition = await (await s.get(`/api/v1/editions/${later.id}`, minle)).json();
    expect(
      edition.tables
        .find((t: { kind: string }) => t.kind === "indicators")
        .content.indicators.find((r: { code: string }) => r.code === "ZB02").targets["2030"],
    ).toBe(21.2);
    const first = await (await s.get(`/api/v1/editions/${city.editionId}`, minle)).json();
    expect(
      first.tables
        .find((t: { kind: string }) => t.kind === "indicators")
        .content.indicators.find((r: { code: string }) => r.code === "ZB02").targets["2030"],
    ).toBe(20.9);

    const diff = await (await s.get(`/api/v1/editions/${city.editionId}/diff/${later.id}`, minle)).json();
    const ind = diff.tables.find((t: { kind: string }) => t.kind === "indicators");
    expect(ind.status).toBe("changed");
    expect(ind.rows).toContainEqual({
      code: "ZB02",
      name: "森林覆盖率",
      unit: "%",
      status: "changed",
      changes: [{ field: "2030", from: 20.9, to: 21.2 }],
    });
    const diffPage = await (await s.get(`/editions/${city.editionId}/diff/${later.id}`, drafter)).text();
    expect(diffPage).toContain("该数值已修改：20.9% → 21.2%");

    const docx = await s.get(`/editions/${later.id}/export.docx`, minle);
    expect(docx.status).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    for (const w of ["规划指标表", "基期年（2020年）", "21.2", "重点项目表", "合计"]) expect(text).toContain(w);
  });
});
