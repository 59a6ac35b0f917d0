// An edition's .docx is built once however many ask for it at the same time: the requests that arrive
// while it is being built wait for that build (each build holds a section's objects and the file).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { editions } from "~db/schema";
import { editionDocxBody, publishedBodies } from "../../app/models/published-cache.server";
import { createTestDb, ctxFor } from "./helpers";

let t: ReturnType<typeof createTestDb>;
beforeAll(() => {
  t = createTestDb();
});
afterAll(() => t?.cleanup());

it("concurrent requests for the same export share one build, and a later one is served from the cache", async () => {
  const editionId = t.db.select({ id: editions.id }).from(editions).where(eq(editions.label, "征求意见稿")).get()?.id;
  expect(editionId).toBeTruthy();
  const ctx = await ctxFor(t.db, "drafter");
  let builds = 0;
  const make = async () => {
    builds++;
    await new Promise((r) => setTimeout(r, 50));
    return new TextEncoder().encode(`docx ${builds}`);
  };
  const answers = await Promise.all(Array.from({ length: 8 }, () => editionDocxBody(ctx, editionId!, make)));
  expect(builds).toBe(1);
  expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
  expect(publishedBodies.size).toBeGreaterThan(0);
  await editionDocxBody(ctx, editionId!, make);
  expect(builds).toBe(1);
});

it("a failed build is not kept: the next request builds again", async () => {
  const editionId = t.db.select({ id: editions.id }).from(editions).where(eq(editions.label, "征求意见稿")).get()!.id;
  const ctx = await ctxFor(t.db, "drafter");
  publishedBodies.resize(0);
  publishedBodies.resize(32 * 1024 * 1024);
  let calls = 0;
  const failing = async (): Promise<Uint8Array> => {
    calls++;
    throw new Error("build failed");
  };
  await expect(editionDocxBody(ctx, editionId, failing)).rejects.toThrow("build failed");
  const answer = await editionDocxBody(ctx, editionId, async () => {
    calls++;
    return new Uint8Array([1, 2, 3]);
  });
  expect(calls).toBe(2);
  expect(answer.bytes).toBe(3);
});
