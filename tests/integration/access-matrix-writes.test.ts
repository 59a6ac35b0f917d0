// Writing rows of the access matrix over HTTP (fresh demo database).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Matrix, runRow, startMatrix } from "./access-matrix-fixture";
import { writeRows } from "./access-matrix-writes";

let m: Matrix;
beforeAll(async () => {
  m = await startMatrix();
}, 60_000);
afterAll(() => m?.s.stop());

describe("access matrix: writes", () => {
  for (const row of writeRows) {
    it(`${row.method} ${row.route}: ${row.what}`, async () => {
      const seen = await runRow(m, row);
      if (process.env.MATRIX_DEBUG) console.log(`${row.route} ${row.what}`, JSON.stringify(seen));
      expect(seen).toEqual(row.expect);
    });
  }
});
