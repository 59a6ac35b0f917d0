// The roll-up over HTTP against the built server: who may read it, the page, the workbook.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

let server: TestServer;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer();
  for (const u of ["zrj", "admin", "drafter", "gaotai-drafter", "gaotai"]) cookies[u] = await server.loginAs(u);
}, 60_000);
afterAll(() => server?.stop());

describe("GET /api/v1/rollup", () => {
  it("answers the coordinator, admins and the city's drafting team with the seven plans", async () => {
    for (const u of ["zrj", "admin", "drafter"]) {
      const res = await server.get("/api/v1/rollup", cookies[u]);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        planId: string;
        level: string;
        overdue: boolean;
        comments: { total: number; unanswered: number };
        projects: Record<string, number>;
      }[];
      expect(body).toHaveLength(7);
      expect(body[0].level).toBe("city");
      expect(Object.keys(body[0])).toEqual(
        expect.arrayContaining([
          "planId",
          "title",
          "level",
          "stage",
          "dueOn",
          "daysLeft",
          "overdue",
          "comments",
          "review",
          "approval",
          "filing",
          "indicatorMismatches",
          "projects",
        ]),
      );
      expect(Object.keys(body[0].projects).sort()).toEqual(["candidate", "excluded", "included"]);
    }
  });

  it("refuses a county drafter and a reviewer (403) and strangers (401)", async () => {
    for (const u of ["gaotai-drafter", "gaotai"]) {
      const res = await server.get("/api/v1/rollup", cookies[u]);
      expect(res.status).toBe(403);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("forbidden");
      expect(body.error.message).toContain("汇总");
    }
    expect((await server.get("/api/v1/rollup")).status).toBe(401);
  });
});

describe("/rollup and /rollup.xlsx", () => {
  it("shows the coordinator the table, sorted by the link's column; 403 for a county drafter", async () => {
    const res = await server.get("/rollup?sort=deadline&dir=asc", cookies.zrj);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-testid="rollup"');
    const order = [...html.matchAll(/data-plan="([^"]+)" data-testid="rollup-row"/g)].map((m) => m[1]);
    expect(order[0]).toBe("肃南裕固族自治县"); // the overdue plan first
    expect(order).toHaveLength(7);
    expect(html).toContain("逾期");
    expect((await server.get("/rollup", cookies["gaotai-drafter"])).status).toBe(403);
    expect((await server.get("/rollup", cookies.gaotai)).status).toBe(403);
  });

  it("exports the table as a workbook with every plan", async () => {
    const res = await server.get("/rollup.xlsx", cookies.zrj);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet("编制进展汇总")!;
    expect(String(sheet.getCell("A1").value)).toBe("张掖市及所辖县（区）国土空间生态修复规划编制进展汇总表");
    const titles = [4, 5, 6, 7, 8, 9, 10].map((r) => String(sheet.getRow(r).getCell(2).value));
    expect(titles[0]).toContain("张掖市");
    expect(titles[6]).toContain("肃南");
    expect(String(sheet.getRow(10).getCell(6).value)).toMatch(/^逾期 \d+ 天$/);
    expect(sheet.rowCount).toBe(10);
    expect((await server.get("/rollup.xlsx", cookies.gaotai)).status).toBe(403);
  });
});
