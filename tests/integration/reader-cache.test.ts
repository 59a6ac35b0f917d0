// Every cache of rendered or serialised published things is bounded by bytes: filled far beyond its
// bound it stays under it, and what it answers is still right.
import { afterAll, beforeAll, expect, it } from "vitest";
import { renderedHtml } from "../../app/lib/editor/render.server";
import { highlightedHtml } from "../../app/lib/editor/render-highlights.server";
import { diffOps } from "../../app/models/edition.server";
import { editionBody, publishedBodies } from "../../app/models/published-cache.server";
import { fullText, outlineCache, readingView } from "../../app/models/reader.server";
import { createLargeEdition, type LargeEdition } from "../support/large-edition";
import { createTestDb, ctxFor } from "./helpers";

let t: ReturnType<typeof createTestDb>;
let large: LargeEdition;
const bounds = new Map<{ resize(n: number): void; maxBytes: number }, number>();

beforeAll(async () => {
  t = createTestDb();
  large = await createLargeEdition(t.db, { chapters: 6, perChapter: 14, chars: 150_000, comments: 90 });
  for (const cache of [renderedHtml, highlightedHtml, publishedBodies, outlineCache, diffOps]) bounds.set(cache, cache.maxBytes);
}, 60_000);
afterAll(() => {
  for (const [cache, bound] of bounds) cache.resize(bound);
  t?.cleanup();
});

it("the rendered-HTML caches stay under their byte bounds when a whole large edition goes through them", async () => {
  renderedHtml.resize(60_000);
  highlightedHtml.resize(60_000);
  outlineCache.resize(40_000);
  const ctx = await ctxFor(t.db, "ganzhou");
  const first = fullText(ctx, large.editionId);
  expect(first.sections).toHaveLength(90);
  const total = first.sections.reduce((n, s) => n + s.html.length * 2, 0);
  expect(total).toBeGreaterThan(4 * 60_000);
  expect(renderedHtml.bytes).toBeLessThanOrEqual(60_000);
  expect(renderedHtml.size).toBeGreaterThan(0);
  // pages with the round's highlights, twice over
  let shown = 0;
  for (let pass = 0; pass < 2; pass++) {
    let chapter: string | null = null;
    do {
      const view = readingView(ctx, large.editionId, { roundId: large.roundId, chapter });
      shown += view.sections.length;
      expect(highlightedHtml.bytes).toBeLessThanOrEqual(60_000);
      chapter = view.page.nextId;
    } while (chapter);
  }
  expect(shown).toBe(180);
  expect(highlightedHtml.size).toBeGreaterThan(0);
  expect(outlineCache.bytes).toBeLessThanOrEqual(40_000);
  // evicted and rendered again, the HTML is the same
  expect(fullText(ctx, large.editionId).sections.map((s) => s.html)).toEqual(first.sections.map((s) => s.html));
});

it("the cache of serialised published answers stays under its bound", async () => {
  publishedBodies.resize(30_000);
  const ctx = await ctxFor(t.db, "fgw");
  const { body, etag } = editionBody(ctx, large.editionId);
  expect(body.byteLength).toBeGreaterThan(7_500); // larger than a quarter of the bound: answered, not kept
  expect(publishedBodies.bytes).toBeLessThanOrEqual(30_000);
  expect(editionBody(ctx, large.editionId).etag).toBe(etag);
});
