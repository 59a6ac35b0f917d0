// 临泽县's own remarks on its 征求意见稿, answered by a revision before the 送审稿: one passage reworded
// (the later edition shows it "changed" with the new wording), one deleted (shown as removed, listed as
// orphaned). Written through the domain functions, as a reviewer and the county's drafter would; only
// the timestamps are set back afterwards so the history reads in order.
import { eq, inArray } from "drizzle-orm";
import { createComment } from "../../app/models/comment-create.server";
import { respondToComment } from "../../app/models/response.server";
import { createRevision } from "../../app/models/revision.server";
import type { SessionUser } from "../../app/utils/auth.server";
import type { Ctx } from "../../app/utils/session.server";
import type { Db, Tx } from "../client";
import * as s from "../schema";
import { blocksToDoc } from "./build-content";
import { DAY, type SeededDocument } from "./documents";

const SECTION = "修复潜力";
export const REWORDED = "中国科学院临泽内陆河流域研究站可为固沙植被配置和生态用水测算提供技术支撑";
export const DELETED = "沙河、平川、板桥、蓼泉等镇具备开展全域土地综合整治的条件";
const NEW_TEXT =
  "全县长期开展防沙治沙，积累了草方格固沙与梭梭造林相结合的成熟经验，中国科学院西北生态环境资源研究院临泽内陆河流域研究站可为固沙植被配置、生态用水测算和修复成效监测提供技术支撑。沿黑河盐渍化耕地和低效园地通过排碱、改良和种植结构调整具备较大改良潜力。";

function ctxOf(tx: Tx, username: string): Ctx {
  const u = tx.select().from(s.users).where(eq(s.users.username, username)).get()!;
  const o = tx.select().from(s.organizations).where(eq(s.organizations.id, u.organizationId)).get()!;
  const user: SessionUser = {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    locale: "zh-CN",
    organization: { id: o.id, name: o.name, kind: o.kind },
  };
  return { db: tx as unknown as Db, user };
}

/**
 * Between the round (open while the remarks are written) and the 送审稿: the county's remarks, the
 * revision that carries them out, and the answers naming it. `doc` follows the new revision.
 */
export function seedLaterEditionRemarks(
  tx: Tx,
  args: { doc: SeededDocument; roundId: string; region: string; closesAt: Date; remarksAt: Date; revisedAt: Date },
) {
  const { doc, roundId } = args;
  const i = doc.sections.findIndex((x) => x.title === SECTION);
  if (i < 0) throw new Error(`demo: no section ${SECTION}`);
  const section = doc.sections[i];
  const reviewer = ctxOf(tx, "linze");
  const drafter = ctxOf(tx, "linze-drafter");
  // the round takes comments only while open: open it for the remarks, then put its deadline back
  tx.update(s.rounds)
    .set({ closesAt: new Date(Date.now() + DAY) })
    .where(eq(s.rounds.id, roundId))
    .run();
  const at = (quote: string) => {
    const start = section.text.indexOf(quote);
    if (start < 0) throw new Error(`demo: "${quote}" not in ${SECTION}`);
    return { exact: quote, prefix: "", suffix: "", start, end: start + quote.length };
  };
  const reworded = createComment(reviewer, roundId, {
    sectionId: section.id,
    anchor: at(REWORDED),
    category: "revise",
    body: "研究站隶属中国科学院西北生态环境资源研究院，建议写全称，并补充其在修复成效监测方面可发挥的作用。",
    proposedText: "中国科学院西北生态环境资源研究院临泽内陆河流域研究站可为固沙植被配置、生态用水测算和修复成效监测提供技术支撑",
  }).id;
  const deleted = createComment(reviewer, roundId, {
    sectionId: section.id,
    anchor: at(DELETED),
    category: "delete",
    body: "全域土地综合整治试点镇尚未经省级批复，规划文本中不宜列出具体镇名，建议删除此句，待批复后在实施方案中明确。",
  }).id;
  tx.update(s.rounds).set({ closesAt: args.closesAt }).where(eq(s.rounds.id, roundId)).run();

  const revision = createRevision(drafter, section.id, {
    baseRevisionId: section.revisionId,
    content: blocksToDoc([{ p: NEW_TEXT }]),
    note: `根据${args.region}意见修改（研究站全称；删除试点镇表述）`,
    addressesCommentIds: [reworded, deleted],
  });
  respondToComment(drafter, reworded, {
    decision: "adopted",
    reason: "已按意见写明研究站全称，并补充修复成效监测的作用。",
    revisionId: revision.id,
  });
  respondToComment(drafter, deleted, {
    decision: "adopted",
    reason: "已删除试点镇表述，试点范围待省级批复后在实施方案中明确。",
    revisionId: revision.id,
  });

  // back to the story's time line
  tx.update(s.comments)
    .set({ createdAt: args.remarksAt })
    .where(inArray(s.comments.id, [reworded, deleted]))
    .run();
  tx.update(s.revisions).set({ createdAt: args.revisedAt }).where(eq(s.revisions.id, revision.id)).run();
  tx.update(s.responses)
    .set({ updatedAt: new Date(args.revisedAt.getTime() + 3_600_000) })
    .where(inArray(s.responses.commentId, [reworded, deleted]))
    .run();
  doc.sections[i] = { ...section, text: revision.text, revisionId: revision.id, hash: revision.hash };
  return { reworded, deleted, revisionId: revision.id };
}
