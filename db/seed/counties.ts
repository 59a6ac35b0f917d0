// The six county plans of the demo (市县两级同步编制), each placed at a different point of the road to
// filing, as the README lists: 甘州区 in consultation, 临泽县 in technical review, 高台县 approval
// requested, 山丹县 approved (not filed), 民乐县 filed, 肃南县 still drafting past its deadline.
import { confirmationSignatureHash, signatureHash } from "../../app/lib/hash/signature";
import { newId } from "../../app/lib/id";
import { addDays, shanghaiInstant } from "../../app/lib/time";
import { recordAudit } from "../../app/models/audit.server";
import type { Tx } from "../client";
import * as s from "../schema";
import type { CommentCategory, Conclusion, ResponseDecision, StageKey } from "../schema";
import type { DemoSection } from "./content-types";
import { type CountyKey, type CountyPlanDemo, countyPlans } from "./county-plans";
import { DAY, reviseSection, type SeededDocument, type SeededEdition, seedDocument, seedEdition } from "./documents";
import { seedLaterEditionRemarks } from "./later-edition";
import { commentAs, passage, respondAs, submitAs, whileOpen } from "./as-users";
import type { DemoIndicator, DemoProject } from "./plan-data";

const STAGE_DAYS: Record<StageKey, number> = { launch: 61, drafting: 92, consultation: 30, approval: 50, filing: 10 };
const STAGE_NOTES: Record<StageKey, string> = {
  launch: "工作方案安排：2021年5月—6月",
  drafting: "工作方案安排：2021年7月—9月",
  consultation: "工作方案安排：2021年10月",
  approval: "工作方案安排：12月20日前报县（区）人民政府审批",
  filing: "工作方案安排：12月30日前报市自然资源局备案",
};
const ORDER: StageKey[] = ["launch", "drafting", "consultation", "approval", "filing"];

/** The five stages laid out around today: the current stage is due in `dueInDays` (negative: overdue). */
export function scheduleAround(today: string, current: StageKey, dueInDays: number) {
  const due = new Map<StageKey, string>();
  const start = new Map<StageKey, string>();
  const i = ORDER.indexOf(current);
  due.set(current, addDays(today, dueInDays));
  start.set(current, addDays(due.get(current)!, -(STAGE_DAYS[current] - 1)));
  for (let k = i - 1; k >= 0; k--) {
    due.set(ORDER[k], addDays(start.get(ORDER[k + 1])!, -1));
    start.set(ORDER[k], addDays(due.get(ORDER[k])!, -(STAGE_DAYS[ORDER[k]] - 1)));
  }
  for (let k = i + 1; k < ORDER.length; k++) {
    start.set(ORDER[k], addDays(due.get(ORDER[k - 1])!, 1));
    due.set(ORDER[k], addDays(start.get(ORDER[k])!, STAGE_DAYS[ORDER[k]] - 1));
  }
  return ORDER.map((stage) => ({ stage, startsOn: start.get(stage)!, dueOn: due.get(stage)!, note: STAGE_NOTES[stage] }));
}

export interface SeedIds {
  orgIds: Map<string, string>;
  userIds: Map<string, string>;
  now: number;
  today: string;
}

export function seedIndicators(tx: Tx, planId: string, rows: DemoIndicator[]) {
  rows.forEach((r, i) => {
    tx.insert(s.indicators)
      .values({
        planId,
        code: r.code,
        name: r.name,
        unit: r.unit,
        kind: r.kind,
        direction: r.direction,
        rollup: r.rollup,
        baseline: r.baseline,
        target2025: r.targets["2025"],
        target2030: r.targets["2030"],
        target2035: r.targets["2035"],
        sortOrder: i,
      })
      .run();
  });
}

export function seedProjects(tx: Tx, planId: string, rows: DemoProject[], createdById: string, createdAt: Date) {
  for (const p of rows) {
    tx.insert(s.projects)
      .values({
        id: newId("prj"),
        planId,
        name: p.name,
        type: p.type,
        county: p.county,
        township: p.township,
        areaHa: p.areaHa,
        investmentWan: p.investmentWan,
        investCentral: p.investment?.central ?? null,
        investProvincial: p.investment?.provincial ?? null,
        investLocal: p.investment?.local ?? null,
        investSocial: p.investment?.social ?? null,
        period: p.period,
        keyArea: p.keyArea,
        status: p.status,
        reason: p.reason ?? "",
        createdById,
        createdAt,
      })
      .run();
  }
}

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

interface RoundPlan {
  edition: SeededEdition;
  openedDaysAgo: number;
  closesAt: Date;
  invited: string[]; // organisation keys
  remarks: number; // how many of REMARKS
  answered: number; // how many of them answered
  submitted: string[]; // organisation keys that sent their formal reply
}

function seedRound(tx: Tx, ids: SeedIds, c: CountyPlanDemo, drafterId: string, plan: RoundPlan) {
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

const OPINIONS: Record<Conclusion, string> = {
  approve: "规划目标指标落实了市级规划传导要求，重点区域和重点工程安排合理，同意通过。",
  approve_with_changes: "规划总体可行。建议进一步细化重点工程的实施时序和资金来源，补充生态用水保障分析，修改完善后通过。",
  reject: "规划与市级规划衔接不足，重点工程缺乏前期论证，建议补充完善后重新组织审查。",
};

function seedReview(
  tx: Tx,
  ids: SeedIds,
  c: CountyPlanDemo,
  drafterId: string,
  edition: SeededEdition,
  args: { daysAgo: number; signers: { n: number; conclusion: Conclusion }[]; panel?: Conclusion; confirmOn?: SeededEdition },
) {
  const reviewId = newId("rvw");
  const createdAt = new Date(ids.now - args.daysAgo * DAY);
  const chairId = ids.userIds.get("expert1")!;
  tx.insert(s.reviews)
    .values({
      id: reviewId,
      editionId: edition.id,
      title: `${c.region}规划文本（${edition.label}）技术审查`,
      chairUserId: chairId,
      quorum: 4,
      meetingDate: addDays(ids.today, -args.daysAgo + 2),
      createdById: drafterId,
      createdAt,
    })
    .run();
  for (const n of [1, 2, 3, 4, 5])
    tx.insert(s.reviewExperts)
      .values({ reviewId, userId: ids.userIds.get(`expert${n}`)! })
      .run();
  args.signers.forEach(({ n, conclusion }, i) => {
    const signerId = ids.userIds.get(`expert${n}`)!;
    const signedAt = new Date(createdAt.getTime() + 2 * DAY + i * 3_600_000);
    const opinion = OPINIONS[conclusion];
    const hash = signatureHash({
      reviewId,
      signerId,
      kind: "expert",
      conclusion,
      opinion,
      manifestHash: edition.manifestHash,
      signedAt: signedAt.getTime(),
    });
    const signoffId = newId("sgn");
    tx.insert(s.signoffs)
      .values({
        id: signoffId,
        reviewId,
        expertId: signerId,
        conclusion,
        opinion,
        manifestHash: edition.manifestHash,
        signatureHash: hash,
        signedAt,
      })
      .run();
    recordAudit(tx, {
      actorId: signerId,
      action: "signoff.create",
      entityType: "review",
      entityId: reviewId,
      data: { signoffId, conclusion, manifestHash: edition.manifestHash, signatureHash: hash },
    });
  });
  if (args.panel) {
    const signedAt = new Date(createdAt.getTime() + 3 * DAY);
    const opinion = `专家组经审查认为：${OPINIONS[args.panel]}`;
    const hash = signatureHash({
      reviewId,
      signerId: chairId,
      kind: "panel",
      conclusion: args.panel,
      opinion,
      manifestHash: edition.manifestHash,
      signedAt: signedAt.getTime(),
    });
    // 修改后通过 lists its conditions
    const conditions = args.panel === "approve_with_changes" ? ["细化重点工程的实施时序和资金来源。", "补充生态用水保障分析。"] : [];
    tx.insert(s.panelConclusions)
      .values({
        reviewId,
        chairId,
        conclusion: args.panel,
        opinion,
        manifestHash: edition.manifestHash,
        conditions: JSON.stringify(conditions),
        signatureHash: hash,
        signedAt,
      })
      .run();
    recordAudit(tx, {
      actorId: chairId,
      action: "review.conclude",
      entityType: "review",
      entityId: reviewId,
      data: { conclusion: args.panel, manifestHash: edition.manifestHash, signatureHash: hash },
    });
  }
  if (args.confirmOn) {
    const later = args.confirmOn;
    const signedAt = new Date(ids.now - (args.daysAgo - 10) * DAY);
    const hash = confirmationSignatureHash({ reviewId, chairId, manifestHash: later.manifestHash, signedAt });
    tx.insert(s.reviewConfirmations)
      .values({ id: newId("cnf"), reviewId, editionId: later.id, chairId, manifestHash: later.manifestHash, signatureHash: hash, signedAt })
      .run();
    recordAudit(tx, {
      actorId: chairId,
      action: "review.confirm",
      entityType: "review",
      entityId: reviewId,
      data: { editionId: later.id, manifestHash: later.manifestHash, signatureHash: hash },
    });
  }
  return reviewId;
}

/** The revisions between editions: a sentence added to two sections, as the answers promised. */
function reviseForNextEdition(tx: Tx, doc: SeededDocument, c: CountyPlanDemo, drafterId: string, at: Date, label: string) {
  const additions: Record<string, string> = {
    主要生态问题: "经与第三次全国国土调查及年度变更调查数据核对，上述问题图斑已逐一落图，面积数据口径一致。",
    重点工程布局: `重点工程所需生态用水在${c.region}用水总量控制指标内统筹安排，不新增取水。`,
  };
  for (const [title, sentence] of Object.entries(additions)) {
    const section = findSection(c, title);
    if (!section) continue;
    reviseSection(
      tx,
      doc,
      title,
      [...section.blocks, { p: label === "送审稿" ? sentence : `${sentence}（据专家意见修改）` }],
      drafterId,
      at,
      `根据意见修改（形成${label}）`,
    );
  }
}

function findSection(c: CountyPlanDemo, title: string): DemoSection | undefined {
  for (const ch of c.text.sections) {
    if (ch.title === title) return ch;
    const child = ch.children?.find((x) => x.title === title);
    if (child) return child;
  }
  return undefined;
}

type CountyState = "consultation" | "review" | "requested" | "approved" | "filed" | "drafting_overdue";
const STATES: Record<CountyKey, { state: CountyState; stage: StageKey; dueInDays: number }> = {
  ganzhou: { state: "consultation", stage: "consultation", dueInDays: 15 },
  linze: { state: "review", stage: "consultation", dueInDays: 8 },
  gaotai: { state: "requested", stage: "approval", dueInDays: 12 },
  shandan: { state: "approved", stage: "filing", dueInDays: 6 },
  minle: { state: "filed", stage: "filing", dueInDays: 3 },
  sunan: { state: "drafting_overdue", stage: "drafting", dueInDays: -9 },
};

const INVITED = ["bureau", "sthjj", "lcj", "swj"];

export function seedCountyPlans(tx: Tx, cityPlanId: string, ids: SeedIds) {
  const { now } = ids;
  countyPlans.forEach((c, order) => {
    const { state, stage, dueInDays } = STATES[c.key];
    const drafterId = ids.userIds.get(`${c.key}-drafter`)!;
    const planId = newId("plan");
    tx.insert(s.plans)
      .values({
        id: planId,
        title: c.title,
        level: "county",
        parentPlanId: cityPlanId,
        region: c.region,
        periodStart: 2021,
        periodEnd: 2035,
        ownerOrganizationId: ids.orgIds.get(c.key)!,
        draftingOrganizationId: ids.orgIds.get(`${c.key}-zrj`)!,
        stage,
        createdAt: new Date(now - (150 - order) * DAY),
      })
      .run();
    for (const st of scheduleAround(ids.today, stage, dueInDays))
      tx.insert(s.planStages)
        .values({ planId, ...st })
        .run();
    seedIndicators(tx, planId, c.indicators);
    seedProjects(tx, planId, c.projects, drafterId, new Date(now - 90 * DAY));

    const early =
      state === "drafting_overdue"
        ? { createdDaysAgo: 100, draftDaysAgo: 60, revisedDaysAgo: 12 }
        : { createdDaysAgo: 130, draftDaysAgo: 80, revisedDaysAgo: 60 };
    const doc = seedDocument(tx, planId, c.text, 0, drafterId, now, early);
    if (state === "drafting_overdue") return;

    const invited = [...INVITED, c.key];
    if (state === "consultation") {
      const first = seedEdition(
        tx,
        doc,
        "征求意见稿",
        `经${c.region}自然资源局审核后形成征求意见稿，征求市级有关部门和区直部门意见。`,
        drafterId,
        new Date(now - 6 * DAY),
      );
      const consultationDue = addDays(ids.today, dueInDays);
      seedRound(tx, ids, c, drafterId, {
        edition: first,
        openedDaysAgo: 5,
        closesAt: shanghaiInstant(consultationDue, "18:00"),
        invited,
        remarks: 3,
        answered: 1,
        submitted: ["sthjj"],
      });
      return;
    }

    // The later states went through a whole consultation and a technical review.
    const first = seedEdition(tx, doc, "征求意见稿", `经${c.region}自然资源局审核后形成征求意见稿。`, drafterId, new Date(now - 45 * DAY));
    const roundClosed = shanghaiInstant(addDays(ids.today, -30), "18:00");
    const answeredAll = state !== "review";
    const roundId = seedRound(tx, ids, c, drafterId, {
      edition: first,
      openedDaysAgo: 44,
      closesAt: roundClosed,
      invited,
      remarks: 4,
      answered: answeredAll ? 4 : 3,
      submitted: INVITED,
    });
    // 临泽县's own remarks: one passage reworded and one deleted in the 送审稿 (comments on later editions)
    if (state === "review")
      seedLaterEditionRemarks(tx, {
        doc,
        roundId,
        region: c.region,
        remarksAt: new Date(now - 38 * DAY),
        revisedAt: new Date(now - 27 * DAY),
      });
    reviseForNextEdition(tx, doc, c, drafterId, new Date(now - 26 * DAY), "送审稿");
    const forReview = seedEdition(
      tx,
      doc,
      "送审稿",
      "根据征求意见情况修改完善，形成送审稿，提请专家技术审查。",
      drafterId,
      new Date(now - 25 * DAY),
    );
    if (state === "review") {
      seedReview(tx, ids, c, drafterId, forReview, {
        daysAgo: 5,
        signers: [
          { n: 2, conclusion: "approve_with_changes" },
          { n: 3, conclusion: "approve" },
          { n: 4, conclusion: "approve_with_changes" },
        ],
      });
      return;
    }
    reviseForNextEdition(tx, doc, c, drafterId, new Date(now - 16 * DAY), "报批稿");
    const forApproval = seedEdition(tx, doc, "报批稿", "根据专家技术审查意见修改完善，形成报批稿。", drafterId, new Date(now - 15 * DAY));
    seedReview(tx, ids, c, drafterId, forReview, {
      daysAgo: 24,
      signers: [
        { n: 1, conclusion: "approve_with_changes" },
        { n: 2, conclusion: "approve_with_changes" },
        { n: 3, conclusion: "approve" },
        { n: 4, conclusion: "approve_with_changes" },
        { n: 5, conclusion: "approve" },
      ],
      panel: "approve_with_changes",
      confirmOn: forApproval,
    });
    const requestId = newId("apr");
    const requestedAt = new Date(now - (state === "requested" ? 4 : state === "approved" ? 18 : 25) * DAY);
    tx.insert(s.approvalRequests)
      .values({ id: requestId, planId, editionId: forApproval.id, warnings: [], requestedById: drafterId, requestedAt })
      .run();
    recordAudit(tx, {
      actorId: drafterId,
      action: "plan.approval_request",
      entityType: "plan",
      entityId: planId,
      data: { requestId, editionId: forApproval.id, manifestHash: forApproval.manifestHash },
    });
    if (state === "requested") return;

    const approvedOn = addDays(ids.today, state === "approved" ? -8 : -15);
    const prefix = { ganzhou: "甘政函", linze: "临政函", gaotai: "高政函", shandan: "山政函", minle: "民政函", sunan: "肃政函" }[c.key];
    const approvalId = newId("apv");
    const documentNumber = `${prefix}〔${approvedOn.slice(0, 4)}〕${state === "approved" ? 47 : 38}号`;
    const authority = `${c.key === "sunan" ? "肃南裕固族自治县" : c.region}人民政府`;
    tx.insert(s.approvals)
      .values({
        id: approvalId,
        planId,
        requestId,
        editionId: forApproval.id,
        authority,
        documentNumber,
        approvedOn,
        letterFileId: null,
        recordedById: drafterId,
        recordedAt: new Date(now - (state === "approved" ? 7 : 14) * DAY),
      })
      .run();
    recordAudit(tx, {
      actorId: drafterId,
      action: "plan.approve",
      entityType: "plan",
      entityId: planId,
      data: { approvalId, authority, documentNumber, approvedOn },
    });
    if (state === "approved") return;

    const filedOn = addDays(ids.today, -4);
    const filingId = newId("fil");
    const filingNumber = `张自然资规备〔${filedOn.slice(0, 4)}〕3号`;
    tx.insert(s.filings)
      .values({
        id: filingId,
        planId,
        approvalId,
        filedOn,
        filingNumber,
        recordedById: ids.userIds.get("zrj")!,
        recordedAt: new Date(now - 4 * DAY),
      })
      .run();
    recordAudit(tx, {
      actorId: ids.userIds.get("zrj")!,
      action: "plan.file",
      entityType: "plan",
      entityId: planId,
      data: { filingId, filedOn, filingNumber },
    });
  });
}
