// The scale bench's generated plan (tests/support/large-plan.ts): deterministic, at the sizes the bench
// reports, and seeded with comments whose anchors all quote the edition exactly.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anchorProblem } from "../../app/lib/anchoring/anchor";
import * as s from "~db/schema";
import { flatSections, generateLargePlan, largePlanComments, planChars, reviseLargePlan } from "../support/large-plan";
import { type LargePlanSeed, seedLargePlan, topUpDemoRound } from "../support/seed-large-plan";
import { createTestDb } from "./helpers";

describe("the generated large plan", () => {
  it("is the same plan on every run, and another seed gives another plan", () => {
    expect(JSON.stringify(generateLargePlan())).toBe(JSON.stringify(generateLargePlan()));
    expect(JSON.stringify(generateLargePlan({ seed: 2 }))).not.toBe(JSON.stringify(generateLargePlan()));
    const texts = flatSections(generateLargePlan()).map((x) => x.title);
    expect(JSON.stringify(largePlanComments(texts, { count: 50 }))).toBe(JSON.stringify(largePlanComments(texts, { count: 50 })));
  });

  it("has about 500,000 characters in 300 sections of 30 chapters, and a second edition changing 30 of them", () => {
    const doc = generateLargePlan();
    expect(doc.sections).toHaveLength(30);
    expect(flatSections(doc)).toHaveLength(300);
    expect(planChars(doc)).toBeGreaterThan(495_000);
    expect(planChars(doc)).toBeLessThan(505_000);
    const revised = reviseLargePlan(doc);
    expect(new Set(revised.map((r) => r.index)).size).toBe(30);
    const changed = revised.filter((r) => JSON.stringify(r.blocks) !== JSON.stringify(flatSections(doc)[r.index].blocks));
    expect(changed.length).toBeGreaterThanOrEqual(28);
  });
});

describe("seeding it", () => {
  const t = createTestDb();
  let seed: LargePlanSeed;
  beforeAll(() => {
    seed = seedLargePlan(t.db, { comments: 2000 });
  }, 120_000);
  afterAll(() => t.cleanup());

  it("writes two editions of 300 sections with 2,000 comments whose anchors quote the first edition", () => {
    expect(seed.sections).toBe(300);
    expect(seed.chars).toBeGreaterThan(495_000);
    const rows = t.db
      .select({ c: s.comments, text: s.revisions.text })
      .from(s.comments)
      .innerJoin(s.revisions, eq(s.comments.revisionId, s.revisions.id))
      .where(eq(s.comments.roundId, seed.roundId))
      .all();
    expect(rows).toHaveLength(2000);
    expect(new Set(rows.map((r) => r.c.organizationId)).size).toBeGreaterThanOrEqual(5);
    const anchored = rows.filter((r) => r.c.anchorExact !== null);
    expect(anchored.length).toBeGreaterThan(1700);
    for (const { c, text } of anchored)
      expect(
        anchorProblem(text, {
          exact: c.anchorExact!,
          prefix: c.anchorPrefix!,
          suffix: c.anchorSuffix!,
          start: c.anchorStart!,
          end: c.anchorEnd!,
        }),
      ).toBeNull();
    const [a, b] = seed.editionIds.map((id) =>
      t.db
        .select({ r: s.editionSections.revisionId })
        .from(s.editionSections)
        .where(eq(s.editionSections.editionId, id))
        .all()
        .map((x) => x.r),
    );
    expect(a.filter((r, i) => r !== b[i])).toHaveLength(30);
  });

  it("tops the demo round up to 200 comments", () => {
    const { roundId } = topUpDemoRound(t.db, 200);
    expect(t.db.select().from(s.comments).where(eq(s.comments.roundId, roundId)).all()).toHaveLength(200);
  });
});
