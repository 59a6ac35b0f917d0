// Every /api/v1 route file has at least one row in the access matrix, and every row names a route
// file that exists: a new API route cannot be added without saying who may call it.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACTORS, apiRouteFiles } from "./access-matrix-fixture";
import { readRows } from "./access-matrix-reads";
import { cityRows } from "./access-matrix-city";
import { writeRows } from "./access-matrix-writes";

const rows = [...readRows, ...writeRows, ...cityRows];

describe("the access matrix covers the API", () => {
  it("has a row for every app/routes/api.v1.* file", () => {
    const covered = new Set(rows.map((r) => r.route));
    const missing = apiRouteFiles().filter((f) => !covered.has(f));
    expect(missing).toEqual([]);
    expect(apiRouteFiles().length).toBeGreaterThan(40);
  });
  it("names only route files that exist, and an expected status for every actor", () => {
    for (const row of rows) {
      expect(existsSync(`app/routes/${row.route}`), row.route).toBe(true);
      expect(Object.keys(row.expect).sort()).toEqual([...ACTORS].sort());
      for (const status of Object.values(row.expect)) expect([200, 201, 400, 401, 403, 404, 409]).toContain(status);
    }
  });
  it("has a row for every method a route file answers besides GET", () => {
    // a file exporting an action that checks request.method: each such method must appear in a row
    for (const file of apiRouteFiles()) {
      const source = readFileSync(`app/routes/${file}`, "utf8");
      const methods = [...source.matchAll(/request\.method (?:===|!==) "([A-Z]+)"/g)].map((m) => m[1]);
      for (const method of methods)
        expect(
          rows.some((r) => r.route === file && r.method === method),
          `${method} ${file}`,
        ).toBe(true);
    }
  });
});
