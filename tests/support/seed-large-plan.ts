// Writes the generated plan (tests/support/large-plan.ts) into a seeded demo database: a city-level plan
// "规模测试" drafted by the city's drafting team, its text in ~300 sections, two editions (the second with
// ~30 changed sections) and an open round on the first edition with 2,000 comments from the counties
// and departments. Also tops up the demo round with comments, for the demo reading view at 200.
import { eq } from "drizzle-orm";
import { buildAnchor } from "../../app/lib/anchoring/anchor";
import { newId } from "../../app/lib/id";
import { shanghaiDate } from "../../app/lib/time";
import type { Db, Tx } from "~db/client";
import * as s from "~db/schema";
import { demoStages } from "~db/seed";
import { DAY, revisionValues, type SeededDocument, seedDocument, seedEdition } from "~db/seed/documents";
import { generateLargePlan, type LargePlanOptions, largePlanComments, reviseLargePlan } from "./large-plan";

/** The reviewers who comment in the generated rounds (counties and departments). */
export const COMMENTERS = ["ganzhou", "linze", "gaotai", "shandan", "minle", "sunan", "sthjj", "swj", "lcj"];

const idOf = (tx: Tx, username: string) =>
  tx.select({ id: s.users.id, org: s.users.organizationId }).from(s.users).where(eq(s.users.username, username)).get()!;
const orgNamed = (tx: Tx, name: string) =>
  tx.select({ id: s.organizations.id }).from(s.organizations).where(eq(s.organizations.name, name)).get()!.id;

function insertComments(
  tx: Tx,
  roundId: string,
  sections: { id: string; revisionId: string; text: string }[],
  count: number,
  seed: number,
  now: number,
) {
  const authors = COMMENTERS.map((u) => idOf(tx, u));
  const generated = largePlanComments(
    sections.map((x) => x.text),
    { seed, count, authors: authors.length },
  );
  generated.forEach((c, i) => {
    const section = sections[c.sectionIndex];
    const anchor = c.start === null ? null : buildAnchor(section.text, c.start, c.end!);
    const author = authors[c.author];
    tx.insert(s.comments)
      .values({
        id: newId("cmt"),
        roundId,
        sectionId: section.id,
        revisionId: section.revisionId,
        anchorExact: anchor?.exact ?? null,
        anchorPrefix: anchor?.prefix ?? null,
        anchorSuffix: anchor?.suffix ?? null,
        anchorStart: anchor?.start ?? null,
        anchorEnd: anchor?.end ?? null,
        body: c.body,
        category: c.category,
        authorId: author.id,
        organizationId: author.org,
        createdAt: new Date(now - DAY + i * 1000),
      })
      .run();
  });
}

export interface LargePlanSeed {
  planId: string;
  editionIds: [string, string];
  roundId: string;
  chars: number;
  sections: number;
}

/** Adds the large plan to a database already holding the demo data. */
export function seedLargePlan(db: Db, { comments = 2000, plan = {} as LargePlanOptions, now = Date.now() } = {}): LargePlanSeed {
  const doc = generateLargePlan(plan);
  const revised = reviseLargePlan(doc);
  return db.transaction((tx) => {
    const drafter = idOf(tx, "drafter").id;
    const planId = newId("plan");
    tx.insert(s.plans)
      .values({
        id: planId,
        title: "张掖市国土空间生态修复规划（规模测试）",
        level: "city",
        region: "张掖市",
        periodStart: 2021,
        periodEnd: 2035,
        ownerOrganizationId: orgNamed(tx, "张掖市自然资源局"),
        draftingOrganizationId: orgNamed(tx, "规划编制专班"),
        stage: "consultation",
        createdAt: new Date(now - 160 * DAY),
      })
      .run();
    for (const st of demoStages(shanghaiDate(now)))
      tx.insert(s.planStages)
        .values({ planId, ...st })
        .run();
    const seeded: SeededDocument = seedDocument(tx, planId, doc, 0, drafter, now);
    const first = seedEdition(tx, seeded, "征求意见稿", "规模测试：约50万字、300节。", drafter, new Date(now - 7 * DAY));
    for (const { index, blocks } of revised) {
      const before = seeded.sections[index];
      const rev = revisionValues(before.id, blocks, drafter, new Date(now - 2 * DAY), "根据征求意见修改", before.revisionId);
      tx.insert(s.revisions).values(rev).run();
      tx.update(s.sections).set({ currentRevisionId: rev.id }).where(eq(s.sections.id, before.id)).run();
      seeded.sections[index] = { ...before, text: rev.text, revisionId: rev.id, hash: rev.hash };
    }
    const second = seedEdition(tx, seeded, "送审稿", "规模测试：根据意见修改30节。", drafter, new Date(now - 1 * DAY));
    const roundId = newId("rnd");
    tx.insert(s.rounds)
      .values({
        id: roundId,
        editionId: first.id,
        title: "规模测试征求意见",
        instructions: "",
        visibility: "shared",
        opensAt: new Date(now - 6 * DAY),
        closesAt: new Date(now + 30 * DAY),
        openedById: drafter,
        createdAt: new Date(now - 6 * DAY),
      })
      .run();
    for (const u of COMMENTERS)
      tx.insert(s.roundInvitations)
        .values({ roundId, organizationId: idOf(tx, u).org })
        .run();
    insertComments(tx, roundId, first.sections, comments, 99, now);
    return {
      planId,
      editionIds: [first.id, second.id],
      roundId,
      chars: first.sections.reduce((n, x) => n + x.text.length, 0),
      sections: first.sections.length,
    };
  });
}

/** Tops the demo city round up to `total` comments (generated on its edition's sections). */
export function topUpDemoRound(db: Db, total: number, now = Date.now()): { roundId: string; editionId: string } {
  return db.transaction((tx) => {
    const round = tx
      .select()
      .from(s.rounds)
      .where(eq(s.rounds.title, "《张掖市国土空间生态修复规划（2021—2035年）》（征求意见稿）征求意见"))
      .get()!;
    const have = tx.select({ id: s.comments.id }).from(s.comments).where(eq(s.comments.roundId, round.id)).all().length;
    const sections = tx
      .select({ id: s.editionSections.sectionId, revisionId: s.editionSections.revisionId, text: s.revisions.text })
      .from(s.editionSections)
      .innerJoin(s.revisions, eq(s.editionSections.revisionId, s.revisions.id))
      .where(eq(s.editionSections.editionId, round.editionId))
      .orderBy(s.editionSections.position)
      .all();
    if (total > have) insertComments(tx, round.id, sections, total - have, 5, now);
    return { roundId: round.id, editionId: round.editionId };
  });
}
