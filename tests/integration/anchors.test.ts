// Old comments on later revisions: placed through the diff, with their state.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "~db/client";
import { sections } from "~db/schema";
import { commentsOnRevision } from "../../app/models/anchor-view.server";
import { createRevision } from "../../app/models/revision.server";
import { getSection } from "../../app/models/section.server";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor } from "./helpers";

let db: Db;
let cleanup: () => void;
let drafter: Ctx;
beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  drafter = await ctxFor(db, "drafter");
});
afterAll(() => cleanup());

function replaceInSection(sectionId: string, from: string, to: string) {
  const section = getSection(drafter, sectionId);
  const content = JSON.parse(JSON.stringify(section.current.content).replace(from, to));
  return createRevision(drafter, sectionId, { baseRevisionId: section.current.id, content, note: "测试修改" });
}

it("keeps intact passages in place, marks edited ones changed and removed ones orphaned", async () => {
  const wetland = db.select().from(sections).where(eq(sections.title, "黑河中游湿地保护修复区")).get()!;
  const before = commentsOnRevision(drafter, wetland.id, wetland.currentRevisionId!);
  expect(before.map((c) => c.at?.state)).toEqual(["intact", "intact"]);

  // add words in front of everything, and edit inside the 高台县 passage
  replaceInSection(wetland.id, "临泽县、高台县沿河段", "临泽县、高台县南华镇沿河段");
  const rev = replaceInSection(wetland.id, "修复方向以保障生态用水", "（2021年修订）修复方向以保障生态用水");
  const after = commentsOnRevision(drafter, wetland.id, rev.id);
  const text = getSection(drafter, wetland.id).current.text;
  const water = after.find((c) => c.quote === "严格完成黑河分水任务")!;
  expect(water.at!.state).toBe("intact");
  expect(text.slice(water.at!.start, water.at!.end)).toBe("严格完成黑河分水任务");
  const gaotai = after.find((c) => c.organization === "高台县")!;
  expect(gaotai.at!.state).toBe("changed");
  expect(text.slice(gaotai.at!.start, gaotai.at!.end)).toContain("南华镇");

  // delete the water passage's sentence entirely
  const gone = replaceInSection(wetland.id, "统筹水资源调配，严格完成黑河分水任务，", "");
  const last = commentsOnRevision(drafter, wetland.id, gone.id).find((c) => c.quote === "严格完成黑河分水任务")!;
  expect(last.at!.state).toBe("orphaned");

  // reviewers do not get the cross-round view
  expect(commentsOnRevision(await ctxFor(db, "ganzhou"), wetland.id, gone.id)).toEqual([]);
});
