// The six county plans of the demo (市县两级同步编制), each placed at a different point of the road to
// filing, as the README lists: 甘州区 in consultation, 临泽县 in technical review, 高台县 approval
// requested, 山丹县 approved (not filed), 民乐县 filed, 肃南县 still drafting past its deadline.
import { newId } from "../../app/lib/id";
import { addDays, shanghaiInstant } from "../../app/lib/time";
import { recordAudit } from "../../app/models/audit.server";
import type { Tx } from "../client";
import * as s from "../schema";
import type { StageKey } from "../schema";
import type { DemoSection } from "./content-types";
import { type CountyKey, type CountyPlanDemo, countyPlans } from "./county-plans";
import { seedReview } from "./county-reviews";
import { seedRound } from "./county-rounds";
import { DAY, reviseSection, type SeededDocument, seedDocument, seedEdition } from "./documents";
import { seedLaterEditionRemarks } from "./later-edition";
import { scheduleAround, seedIndicators, seedProjects } from "./plan-rows";
import type { SeedIds } from "./seed-ids";

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
