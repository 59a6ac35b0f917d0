// The byte-bounded caches count what they hold: a large edition rendered through the real HTML caches
// takes about the bytes the caches count on the heap (the strings are flattened when kept; built by the
// serialiser they took 2.2–2.6× as much), and never more than their bounds.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { renderedHtml } from "../../app/lib/editor/render.server";
import { highlightedHtml } from "../../app/lib/editor/render-highlights.server";
import { fullText, readingView } from "../../app/models/reader.server";
import { createLargeEdition, type LargeEdition } from "../support/large-edition";
import { createTestDb, ctxFor } from "./helpers";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
/** The heap in use after full collections (happy-dom closes each render's window asynchronously: let it). */
async function heapAfterGc() {
  await new Promise((r) => setTimeout(r, 50));
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

let t: ReturnType<typeof createTestDb>;
let large: LargeEdition;
const bounds = [renderedHtml.maxBytes, highlightedHtml.maxBytes];

beforeAll(async () => {
  t = createTestDb();
  large = await createLargeEdition(t.db, { chapters: 6, perChapter: 14, chars: 300_000, comments: 200 });
}, 60_000);
afterAll(() => {
  renderedHtml.resize(bounds[0]);
  highlightedHtml.resize(bounds[1]);
  t?.cleanup();
});

it("rendered sections take on the heap about the bytes the caches count, within the bounds", async () => {
  const ctx = await ctxFor(t.db, "ganzhou");
  fullText(ctx, large.editionId); // modules, schema and statements warmed up, then emptied
  for (const cache of [renderedHtml, highlightedHtml]) cache.resize(0);
  renderedHtml.resize(bounds[0]);
  highlightedHtml.resize(bounds[1]);
  expect(fullText(ctx, large.editionId).sections).toHaveLength(90);
  let chapter: string | null = null;
  do {
    const view = readingView(ctx, large.editionId, { roundId: large.roundId, chapter });
    chapter = view.page.nextId;
  } while (chapter);
  const filled = await heapAfterGc();
  const counted = renderedHtml.bytes + highlightedHtml.bytes;
  expect(counted).toBeGreaterThan(1_200_000); // 300,000 characters, twice, as HTML
  expect(renderedHtml.bytes).toBeLessThanOrEqual(renderedHtml.maxBytes);
  expect(highlightedHtml.bytes).toBeLessThanOrEqual(highlightedHtml.maxBytes);
  // what emptying the caches gives back is what they held (other state the requests left stays)
  for (const cache of [renderedHtml, highlightedHtml]) cache.resize(0);
  const held = filled - (await heapAfterGc());
  expect(held).toBeLessThan(counted * 1.2);
  expect(held).toBeGreaterThan(counted * 0.6);
});
