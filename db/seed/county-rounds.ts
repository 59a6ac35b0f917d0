// A county plan's consultation round in the demo: the invitations, the invited organisations' remarks
// anchored on passages of the text, the answers given so far and the formal replies sent.
import { newId } from "../../app/lib/id";
import type { Tx } from "../client";
import * as s from "../schema";
import type { CommentCategory, ResponseDecision } from "../schema";
import { commentAs, passage, respondAs, submitAs, whileOpen } from "./as-users";
import type { CountyPlanDemo } from "./county-plans";
import { DAY, type SeededEdition } from "./documents";
import type { SeedIds } from "./seed-ids";

// What the invited organisations say about a county plan, by section (the passage is taken from the text).
const REMARKS: {
  section: string;
  username: string;
  category: CommentCategory;
  body: string;
  answer: { decision: ResponseDecision; reason: string };
}[] = [
  {
    section: "主要生态问题",
    username: "sthjj",
    category: "add",
    body: "建议补充主要生态问题的空间分布和面积，并与第三次全国国土调查及年度变更调查数据口径保持一致，便于后续项目图斑落地。",
    answer: { decision: "adopted", reason: "已在送审稿中补充问题图斑的面积和分布，数据口径与国土变更调查一致。" },
  },
  {
    section: "重点区域",
    username: "lcj",
    category: "revise",
    body: "重点区域的划定应与林草湿荒普查成果衔接，公益林、天然林保护范围内以自然恢复为主，建议调整相关表述，避免大规模人工造林。",
    answer: { decision: "partially_adopted", reason: "已补充以自然恢复为主的原则；重点区域范围依据市级规划传导，暂不调整。" },
  },
  {
    section: "重点工程布局",
    username: "swj",
    category: "question",
    body: "重点工程涉及的生态用水从何保障？请说明与黑河水量分配方案和本县用水总量控制指标的衔接情况。",
    answer: { decision: "noted", reason: "生态用水在本县用水总量控制指标内统筹安排，已在实施保障章节补充说明。" },
  },
  {
    section: "规划目标",
    username: "zrj",
    category: "revise",
    body: "县级目标应完整落实市级规划分解的约束性指标，请逐项核对与市级规划指标表的衔接，差额部分说明理由。",
    answer: { decision: "not_adopted", reason: "经核对，约束性指标均已落实市级分解任务，无差额；预期性指标结合本县实际确定。" },
  },
];

/** A clause of the section's text to anchor a demo comment on (always present in the text). */
function passageOf(text: string): { start: number; end: number } {
  const sentences = text.split("。");
  const sentence = sentences.find((x, i) => i >= 1 && x.length > 20) ?? sentences[0];
  const clause = sentence.split(/[，；]/).find((x) => x.trim().length >= 8) ?? sentence.slice(0, 15);
  const start = text.indexOf(clause.trim());
  return { start, end: start + clause.trim().length };
}

export interface RoundPlan {
  edition: SeededEdition;
  openedDaysAgo: number;
  closesAt: Date;
  invited: string[]; // organisation keys
  remarks: number; // how many of REMARKS
  answered: number; // how many of them answered
  submitted: string[]; // organisation keys that sent their formal reply
}

export function seedRound(tx: Tx, ids: SeedIds, c: CountyPlanDemo, drafterId: string, plan: RoundPlan) {
  const roundId = newId("rnd");
  const opensAt = new Date(ids.now - plan.openedDaysAgo * DAY);
  tx.insert(s.rounds)
    .values({
      id: roundId,
      editionId: plan.edition.id,
      title: `《${c.title}》（${plan.edition.label}）征求意见`,
      instructions: `请各单位结合职责研阅${c.region}规划${plan.edition.label}，重点审查与市级规划的衔接、重点工程安排和指标传导，针对具体条款提出意见；无意见的也请正式反馈。`,
      visibility: "private",
      opensAt,
      closesAt: plan.closesAt,
      openedById: drafterId,
      createdAt: opensAt,
    })
    .run();
  for (const key of plan.invited)
    tx.insert(s.roundInvitations)
      .values({ roundId, organizationId: ids.orgIds.get(key)! })
      .run();
  const drafter = `${c.key}-drafter`;
  whileOpen(tx, roundId, () => {
    REMARKS.slice(0, plan.remarks).forEach((r, i) => {
      const section = plan.edition.sections.find((x) => x.title === r.section);
      if (!section) throw new Error(`demo remark: no section ${r.section} in ${c.region}`);
      const at = passageOf(section.text);
      const createdAt = new Date(opensAt.getTime() + (i + 1) * DAY);
      const input = { sectionId: section.id, anchor: passage(section.text, at.start, at.end), category: r.category, body: r.body };
      const id = commentAs(tx, r.username, roundId, input, createdAt);
      if (i < plan.answered) respondAs(tx, drafter, [id], { ...r.answer, revisionId: null }, new Date(createdAt.getTime() + 2 * DAY));
    });
    for (const key of plan.submitted) {
      const statement = `经研究，我单位对《${c.title}》（${plan.edition.label}）的意见已在平台逐条提出。`;
      submitAs(tx, key === "bureau" ? "zrj" : key, roundId, statement, new Date(opensAt.getTime() + 8 * DAY));
    }
  });
  return roundId;
}
