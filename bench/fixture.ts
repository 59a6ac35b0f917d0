// The bench's database: the demo data, its city round topped up to 200 comments, and the generated
// 500,000-character plan (tests/support/large-plan.ts) with two editions and 2,000 comments.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { openDatabase } from "~db/client";
import * as s from "~db/schema";
import { seedDemo } from "~db/seed";
import { type LargePlanSeed, seedLargePlan, topUpDemoRound } from "../tests/support/seed-large-plan";

export interface BenchFixture {
  dir: string;
  file: string;
  demo: { roundId: string; editionId: string };
  large: LargePlanSeed;
  /** the large plan's sections in each edition: id, revision and text */
  editions: { id: string; revisionId: string; text: string }[][];
  cleanup: () => void;
}

export function editionTexts(file: string, editionId: string) {
  const db = openDatabase(file, { runMigrations: false });
  try {
    return db
      .select({ id: s.editionSections.sectionId, revisionId: s.editionSections.revisionId, text: s.revisions.text })
      .from(s.editionSections)
      .innerJoin(s.revisions, eq(s.editionSections.revisionId, s.revisions.id))
      .where(eq(s.editionSections.editionId, editionId))
      .orderBy(asc(s.editionSections.position))
      .all();
  } finally {
    db.$client.close();
  }
}

export function createFixture(): BenchFixture {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-bench-"));
  const file = path.join(dir, "portal.db");
  const db = openDatabase(file);
  seedDemo(db);
  const demo = topUpDemoRound(db, 200);
  const large = seedLargePlan(db, { comments: 2000 });
  db.$client.close();
  return {
    dir,
    file,
    demo,
    large,
    editions: large.editionIds.map((id) => editionTexts(file, id)),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** UTF-8 bytes of what a reading view shows: the edition's text and the round's comments (bodies, proposals, replies). */
export function contentBytes(file: string, editionId: string, roundId: string): number {
  const db = openDatabase(file, { runMigrations: false });
  try {
    const text = editionTexts(file, editionId).reduce((n, x) => n + Buffer.byteLength(x.text), 0);
    const comments = db
      .select({ body: s.comments.body, proposed: s.comments.proposedText })
      .from(s.comments)
      .where(eq(s.comments.roundId, roundId))
      .all();
    const replies = db
      .select({ body: s.replies.body })
      .from(s.replies)
      .innerJoin(s.comments, eq(s.replies.commentId, s.comments.id))
      .where(eq(s.comments.roundId, roundId))
      .all();
    return (
      text +
      comments.reduce((n, c) => n + Buffer.byteLength(c.body) + Buffer.byteLength(c.proposed ?? ""), 0) +
      replies.reduce((n, r) => n + Buffer.byteLength(r.body), 0)
    );
  } finally {
    db.$client.close();
  }
}
