// Rows of the access matrix on the city plan and others, over HTTP (fresh demo database).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cityRows } from "./access-matrix-city";
import { type Matrix, runRow, startMatrix } from "./access-matrix-fixture";

let m: Matrix;
beforeAll(async () => {
  m = await startMatrix();
}, 60_000);
afterAll(() => m?.s.stop());

describe("access matrix: the city plan and others", () => {
  for (const row of cityRows) {
    it(`${row.method} ${row.route}: ${row.what}`, async () => {
      const seen = await runRow(m, row);
      if (process.env.MATRIX_DEBUG) console.log(`${row.route} ${row.what}`, JSON.stringify(seen));
      expect(seen).toEqual(row.expect);
    });
  }
});
