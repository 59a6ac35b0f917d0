// File exports go through one bounded queue (utils/export-gate.server.ts): two build at once, others
// wait their turn and all get their file; past the queue's bound the answer is 429 with Retry-After.
import { afterAll, beforeAll, expect, it } from "vitest";
import { comments } from "~db/schema";
import { adoptionTableDocxResponse, adoptionTableXlsxResponse } from "../../app/http/adoption-table.server";
import { DomainError } from "../../app/utils/errors";
import { exportGate } from "../../app/utils/export-gate.server";
import { errorHeaders } from "../../app/utils/http.server";
import { createTestDb, ctxFor } from "./helpers";

let t: ReturnType<typeof createTestDb>;
let roundId = "";
beforeAll(() => {
  t = createTestDb();
  roundId = t.db.select({ roundId: comments.roundId }).from(comments).limit(1).get()!.roundId;
});
afterAll(() => t?.cleanup());

it("eight concurrent adoption-table exports: at most two build at once, all eight answered with the file", async () => {
  const ctx = await ctxFor(t.db, "drafter");
  let most = 0;
  const watch = setInterval(() => {
    most = Math.max(most, exportGate.running);
  }, 1);
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_, i) => (i % 2 ? adoptionTableDocxResponse(ctx, roundId) : adoptionTableXlsxResponse(ctx, roundId))),
  );
  clearInterval(watch);
  expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
  expect((await answers[1].arrayBuffer()).byteLength).toBeGreaterThan(1000);
  expect(most).toBeGreaterThan(0);
  expect(most).toBeLessThanOrEqual(2);
  expect(exportGate.running).toBe(0);
});

it("past the queue's bound an export is refused with 429 and Retry-After, and served again once there is room", async () => {
  const ctx = await ctxFor(t.db, "drafter");
  let release!: () => void;
  const blocked = new Promise<void>((r) => {
    release = r;
  });
  // two running and 32 waiting: the queue is full
  const held = Array.from({ length: 34 }, () => exportGate.run(() => blocked));
  const refused = await adoptionTableXlsxResponse(ctx, roundId).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(DomainError);
  expect((refused as DomainError).status).toBe(429);
  expect(errorHeaders(refused as DomainError)["Retry-After"]).toBe("5");
  release();
  await Promise.all(held);
  expect((await adoptionTableXlsxResponse(ctx, roundId)).status).toBe(200);
});
