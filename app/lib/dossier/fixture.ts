// Sample figures for the dossier's unit tests (a county plan after a 修改后通过 review).
import type { DossierFacts } from "./letter-content";
import type { ReviewRecord } from "./signoff-record";

export const HASH = "3f5a9c0e1b2d4f6a8c0e1b2d4f6a8c0e1b2d4f6a8c0e1b2d4f6a8c0e1b2d4f6a";

export const facts: DossierFacts = {
  plan: { title: "高台县国土空间生态修复规划（2021—2035年）", region: "高台县", level: "county", periodStart: 2021, periodEnd: 2035 },
  issuer: "高台县自然资源局",
  edition: { documentTitle: "规划文本", label: "报批稿", manifestHash: HASH, publishedOn: "2026-11-28" },
  documents: ["规划文本", "规划说明书", "图册"],
  indicators: { total: 12, binding: 5, expected: 7 },
  projects: { included: 8, investmentWan: 123456.7 },
  rounds: [
    {
      title: "征求意见稿征求意见",
      invited: 18,
      replied: 16,
      comments: 42,
      decisions: { adopted: 25, partially_adopted: 8, not_adopted: 4, noted: 5, pending: 0 },
    },
    {
      title: "送审稿补充征求意见",
      invited: 6,
      replied: 6,
      comments: 3,
      decisions: { adopted: 2, partially_adopted: 0, not_adopted: 0, noted: 1, pending: 0 },
    },
  ],
  reviews: [
    {
      title: "规划文本（送审稿）技术审查",
      heldOn: "2026-11-10",
      experts: 5,
      chair: "周德明",
      conclusion: "approve_with_changes",
      reviewedLabel: "送审稿",
      confirmations: [{ label: "报批稿", on: "2026-11-28" }],
    },
  ],
  date: "2026-12-02",
  documentNumber: "高自然资发〔2026〕12号",
  contact: "陈思远",
  phone: "0936-6612345",
  cc: ["张掖市自然资源局"],
};

export const record: ReviewRecord = {
  planTitle: facts.plan.title,
  title: "规划文本（送审稿）技术审查",
  documentTitle: "规划文本",
  editionLabel: "送审稿",
  manifestHash: "a".repeat(64),
  meetingDate: "2026-11-10",
  quorum: 4,
  signoffs: [
    {
      name: "周德明",
      title: "教授级高级工程师",
      conclusion: "approve_with_changes",
      opinion: "建议补充分区指标分解表。\n水资源约束分析需加强。",
      signedAt: "2026-11-10T15:04:05+08:00",
      signatureHash: "b".repeat(64),
      valid: true,
    },
    {
      name: "吴佩兰",
      title: "研究员",
      conclusion: "approve",
      opinion: "同意。",
      signedAt: "2026-11-10T15:20:00+08:00",
      signatureHash: "c".repeat(64),
      valid: true,
    },
  ],
  panel: {
    chair: "周德明",
    conclusion: "approve_with_changes",
    opinion: "专家组同意规划文本修改完善后报批。",
    signedAt: "2026-11-10T16:00:00+08:00",
    signatureHash: "d".repeat(64),
  },
  confirmations: [
    { label: "报批稿", manifestHash: HASH, chair: "周德明", signedAt: "2026-11-28T10:00:00+08:00", signatureHash: "e".repeat(64) },
  ],
};
