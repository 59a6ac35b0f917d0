// The words of the 请示 (关于审批《…》的请示): what plan, how it was compiled, the consultation and the
// review in figures taken from the portal's records, and the list of attachments. Pure: the figures
// come in, the letter's paragraphs go out (request-letter.ts lays them out).
import type { Conclusion } from "~db/schema/enums";
import { formatDate } from "../time";

export type Decision = "adopted" | "partially_adopted" | "not_adopted" | "noted" | "pending";

export interface DossierFacts {
  plan: { title: string; region: string; level: "city" | "county"; periodStart: number; periodEnd: number };
  /** 发文机关: the organisation that owns the plan, e.g. 高台县自然资源局 */
  issuer: string;
  /** the edition submitted */
  edition: { documentTitle: string; label: string; manifestHash: string; publishedOn: string };
  documents: string[];
  indicators: { total: number; binding: number; expected: number };
  projects: { included: number; investmentWan: number };
  rounds: { title: string; invited: number; replied: number; comments: number; decisions: Record<Decision, number> }[];
  reviews: {
    title: string;
    heldOn: string | null;
    experts: number;
    chair: string;
    conclusion: Conclusion | null;
    reviewedLabel: string;
    confirmations: { label: string; on: string }[];
  }[];
  /** 成文日期 and 印发日期, YYYY-MM-DD */
  date: string;
  documentNumber: string;
  contact: string;
  phone: string;
  cc: string[];
}

export interface LetterBlock {
  kind: "p" | "h1" | "h2";
  text: string;
}

export interface RequestLetter {
  /** 发文机关标志 reads `${issuer}文件` */
  issuer: string;
  documentNumber: string;
  title: string;
  /** 主送机关, without the colon */
  addressee: string;
  body: LetterBlock[];
  attachments: string[];
  signature: string;
  date: string;
  contact: string;
  phone: string;
  cc: string[];
  printer: string;
  printedOn: string;
}

export const CONCLUSION_WORDS: Record<Conclusion, string> = { approve: "通过", approve_with_changes: "修改后通过", reject: "不通过" };
const cn = (day: string) => formatDate(day, "zh");
const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 高台县 → 高自然资发: the issuing organ's code of a natural resources bureau's documents. */
export function documentNumberPrefix(region: string): string {
  return `${[...region][0] ?? ""}自然资发`;
}

/** The 发文字号 printed: the one given, or the prefix and year with the serial left blank to fill in. */
export function printedDocumentNumber(given: string, region: string, date: string): string {
  return given.trim() || `${documentNumberPrefix(region)}〔${date.slice(0, 4)}〕\u3000号`;
}

/** A long hash may break every 8 characters (a zero-width space), instead of stretching the line before it. */
export const breakable = (hash: string) => hash.replace(/(.{8})(?=.)/g, "$1\u200b");

/** Copied to: the city's bureau for a county plan, the province's department for the city plan. */
export function defaultCc(level: "city" | "county", parentOwner: string | undefined): string {
  return level === "county" ? (parentOwner ?? "") : "甘肃省自然资源厅";
}

/** 12345.6 万元 → "1.23亿元"; below 10 000 万元 as it is. */
export function money(wan: number): string {
  if (wan >= 10_000) return `${(wan / 10_000).toFixed(2).replace(/\.?0+$/, "")}亿元`;
  return `${Number(wan.toFixed(2))}万元`;
}

/** The attachments in the order the letter lists them (and the dossier numbers its files). */
export function attachmentNames(f: DossierFacts): { key: "edition" | "adoption" | "review"; name: string }[] {
  const out: { key: "edition" | "adoption" | "review"; name: string }[] = [
    { key: "edition", name: `《${f.plan.title}》${f.edition.documentTitle}（${f.edition.label}）` },
  ];
  if (f.rounds.length) out.push({ key: "adoption", name: "征求意见采纳情况表" });
  if (f.reviews.some((r) => r.conclusion)) out.push({ key: "review", name: "专家评审意见表" });
  return out;
}

export function requestLetter(f: DossierFacts): RequestLetter {
  const p = (text: string): LetterBlock => ({ kind: "p", text });
  const attachments = attachmentNames(f);
  const numberOf = (key: string) => attachments.findIndex((a) => a.key === key) + 1;
  const body: LetterBlock[] = [];
  let section = 0;
  const h1 = (text: string) => body.push({ kind: "h1", text: `${NUMERALS[section++]}、${text}` });

  body.push(
    p(
      `按照市县两级国土空间生态修复规划编制工作安排，我局组织编制了《${f.plan.title}》（以下简称《规划》）。《规划》已完成征求意见和专家技术审查，并根据各方面意见修改完善，形成${f.edition.label}。现将有关情况报告如下：`,
    ),
  );

  h1("规划编制情况");
  const scope = `《规划》规划期限为${f.plan.periodStart}—${f.plan.periodEnd}年，规划范围为${f.plan.region}全域，成果包括${f.documents.join("、")}。`;
  const targets = f.indicators.total
    ? `《规划》设置规划指标${f.indicators.total}项，其中约束性指标${f.indicators.binding}项、预期性指标${f.indicators.expected}项`
    : "";
  const works = f.projects.included
    ? `${targets ? "；" : "《规划》"}安排重点工程项目${f.projects.included}个，估算总投资${money(f.projects.investmentWan)}`
    : "";
  body.push(p(`${scope}${targets}${works}${targets || works ? "。" : ""}`));
  body.push(
    p(
      `本次报批的${f.edition.documentTitle}（${f.edition.label}）于${cn(f.edition.publishedOn)}发布，稿次摘要（SHA-256）为${breakable(f.edition.manifestHash)}，报批文本与该摘要一致。`,
    ),
  );

  h1("征求意见情况");
  if (f.rounds.length) {
    const total = f.rounds.reduce((n, r) => n + r.comments, 0);
    const sum = (d: Decision) => f.rounds.reduce((n, r) => n + r.decisions[d], 0);
    body.push({ kind: "h2", text: "（一）征求意见范围和反馈情况" });
    const each = f.rounds
      .map((r) => `“${r.title}”征求了${r.invited}家单位意见，${r.replied}家单位正式反馈，收到意见${r.comments}条`)
      .join("；");
    body.push(p(`《规划》共组织征求意见${f.rounds.length}轮。${each}。`));
    body.push({ kind: "h2", text: "（二）意见采纳情况" });
    const pending = sum("pending");
    body.push(
      p(
        `对收到的${total}条意见，编制单位逐条研究并作出答复：采纳${sum("adopted")}条，部分采纳${sum("partially_adopted")}条，不采纳${sum("not_adopted")}条，作出说明${sum("noted")}条${pending ? `，尚待答复${pending}条` : ""}。意见采纳情况详见附件${numberOf("adoption")}。`,
      ),
    );
  } else {
    body.push(p("《规划》未组织书面征求意见。"));
  }

  h1("专家技术审查情况");
  const concluded = f.reviews.filter((r) => r.conclusion);
  if (concluded.length) {
    for (const r of concluded) {
      const when = r.heldOn ? `${cn(r.heldOn)}，` : "";
      let text = `${when}我局组织召开《规划》技术审查会（${r.title}），邀请${r.experts}名专家组成专家组（组长：${r.chair}），对《规划》${r.reviewedLabel}进行了技术审查，专家组意见为“${CONCLUSION_WORDS[r.conclusion!]}”。`;
      for (const c of r.confirmations)
        text += `编制单位根据专家组意见对《规划》进行了修改完善，专家组组长于${cn(c.on)}确认修改意见已在《规划》${c.label}中落实。`;
      body.push(p(text));
    }
    if (numberOf("review")) body.push(p(`专家评审意见详见附件${numberOf("review")}。`));
  } else {
    body.push(p("《规划》尚未形成专家技术审查结论。"));
  }

  h1("请示事项");
  body.push(p(`《规划》符合国土空间生态修复规划编制要求，已具备报批条件，现报请${f.plan.region}人民政府审批。`));
  body.push(p("妥否，请批示。"));

  return {
    issuer: f.issuer,
    documentNumber: printedDocumentNumber(f.documentNumber, f.plan.region, f.date),
    title: `关于审批《${f.plan.title}》的请示`,
    addressee: `${f.plan.region}人民政府`,
    body,
    attachments: attachments.map((a) => a.name),
    signature: f.issuer,
    date: f.date,
    contact: f.contact,
    phone: f.phone,
    cc: f.cc,
    printer: f.issuer,
    printedOn: f.date,
  };
}
