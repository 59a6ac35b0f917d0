// 上下衔接校核: the counties' indicator targets summed against the city's, and who may run the check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { indicators } from "~db/schema";
import { indicatorCheck, indicatorCheckJson, indicatorPage, indicatorSummary } from "../../app/models/indicator.server";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb } from "./helpers";
import { indicatorActors, planOf, status } from "./indicator-fixtures";

let db: Db;
let cleanup: () => void;
let as: Record<string, Ctx> = {};
let city = "";
const plan = (region: string) => planOf(db, region);

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  as = await indicatorActors(db);
  city = plan("张掖市").id;
});
afterAll(() => cleanup());

describe("上下衔接校核", () => {
  it("sums the counties' targets against the city's, with hand-computed sums (≥ for up, ≤ for down)", () => {
    const ids = ["甘州区", "临泽县", "高台县", "山丹县", "民乐县", "肃南裕固族自治县"].map((r) => plan(r).id);
    // build the tables directly (some county plans are approved and frozen to the domain)
    db.delete(indicators).run();
    const put = (
      planId: string,
      code: string,
      direction: "up" | "down",
      rollup: "sum" | "none",
      t: [number | null, number | null, number | null],
    ) =>
      db
        .insert(indicators)
        .values({
          planId,
          code,
          name: code === "A" ? "湿地面积" : code === "B" ? "水土流失面积" : "森林覆盖率",
          unit: code === "C" ? "%" : "公顷",
          kind: "binding",
          direction,
          rollup,
          baseline: null,
          target2025: t[0],
          target2030: t[1],
          target2035: t[2],
          sortOrder: 0,
        })
        .run();
    put(city, "A", "up", "sum", [100, 200, 300.3]);
    put(city, "B", "down", "sum", [50, 40, null]);
    put(city, "C", "up", "none", [20, 21, 22]);
    const a: [number | null, number | null, number | null][] = [
      [10, 30, 50],
      [20, 30, 50.1],
      [15, 40, 50.1],
      [25, 50, 50],
      [20, 25, 50],
      [10, 20, 50.1],
    ];
    const b: [number | null, number | null, number | null][] = [
      [10, 5, 1],
      [10, 5, 1],
      [10, 10, 1],
      [5, 20, 1],
      [10, 5, 1],
      [6, 6, null],
    ];
    ids.forEach((id, i) => {
      put(id, "A", "up", "sum", a[i]);
      if (i !== 2) put(id, "B", "down", "sum", b[i]); // 高台县 has no B: counted as 0
    });
    const rows = indicatorCheck(as.zrj, city);
    const row = (code: string, year: string) => rows.find((r) => r.code === code && r.year === year)!;
    expect(rows.map((r) => `${r.code}${r.year}`)).toEqual(["A2025", "A2030", "A2035", "B2025", "B2030"]); // C is not summed; B has no 2035 target
    expect(row("A", "2025")).toMatchObject({ city: 100, countySum: 100, ok: true, shortfall: 0 });
    expect(row("A", "2030")).toMatchObject({ city: 200, countySum: 195, ok: false, shortfall: 5 });
    expect(row("A", "2035")).toMatchObject({ city: 300.3, countySum: 300.3, ok: true }); // 50 + 50.1 × 3 + 50 + 50 in decimal, not binary
    expect(row("B", "2025")).toMatchObject({ city: 50, countySum: 41, ok: true });
    expect(row("B", "2030")).toMatchObject({ city: 40, countySum: 41, ok: false, shortfall: 1 });
    expect(row("A", "2030").counties.map((c) => c.value)).toEqual([30, 30, 40, 50, 25, 20]);
    expect(row("B", "2030").counties[2]).toMatchObject({ region: "高台县", value: null });
    expect(indicatorCheckJson(as.admin, city)[0]).toEqual({
      code: "A",
      year: "2025",
      city: 100,
      countySum: 100,
      ok: true,
      name: "湿地面积",
      unit: "公顷",
      direction: "up",
      shortfall: 0,
      counties: expect.any(Array),
    });
    expect(indicatorSummary(as.zrj, city)).toEqual({ mismatches: 2 });
    expect(indicatorSummary(as.minle, city)).toEqual({ mismatches: null });
    expect(indicatorSummary(as.zrj, ids[0])).toEqual({ mismatches: null });
  });

  it("is for city plans (404 on a county plan) and for the coordinator, admins and the city's team (403 others)", () => {
    expect(status(() => indicatorCheck(as.zrj, plan("甘州区").id))).toBe(404);
    expect(status(() => indicatorCheck(as.drafter, city))).toBe("ok");
    expect(status(() => indicatorCheck(as.minle, city))).toBe(403);
    expect(status(() => indicatorCheck(as["ganzhou-drafter"], city))).toBe(403);
    expect(indicatorPage(as.minle, city).check).toBeNull();
    expect(indicatorPage(as.zrj, city).check?.length).toBe(5);
  });
});
