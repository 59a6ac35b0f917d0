// 报批材料包: the 请示 (GB/T 9704 layout), the 报批稿 as Word, each round's adoption table and the expert
// sign-off record, in one .zip. For those who see the plan's drafts (its drafters, the city's drafting
// team, admins). The records are read in one go, then the files are written.
import { and, asc, count, eq, inArray, isNull, sum } from "drizzle-orm";
import { z } from "zod";
import {
  comments,
  documents,
  editions,
  indicators,
  organizations,
  plans,
  projects,
  responses,
  reviewExperts,
  reviews,
  roundInvitations,
  rounds,
  submissions,
  users,
} from "~db/schema";
import { adoptionTableXlsx } from "../lib/adoption-table/xlsx";
import { attachmentNames, type Decision, type DossierFacts, defaultCc, requestLetter } from "../lib/dossier/letter-content";
import { requestLetterDocx } from "../lib/dossier/request-letter";
import { type ReviewRecord, signoffRecordDocx } from "../lib/dossier/signoff-record";
import { type DossierFile, dossierZip } from "../lib/dossier/zip";
import { editionToDocx } from "../lib/docx/export.server";
import { seesPlanDrafts } from "../lib/plan-access";
import { isoShanghai, shanghaiDate } from "../lib/time";
import { forbidden, invalid } from "../utils/errors";
import { currentAuditHead } from "./audit.server";
import type { Ctx } from "../utils/session.server";
import { adoptionInput } from "./adoption.server";
import { approvalSummary } from "./approval-view.server";
import { planEditions } from "./approval-state.server";
import { getEdition } from "./edition.server";
import { planRow } from "./plan-access.server";
import { getReview } from "./review-view.server";

export const dossierInput = z.object({
  edition: z.string().trim().max(64).optional().nullable(),
  number: z.string().trim().max(50, "validation.tooLong|50").optional().default(""),
  contact: z.string().trim().max(20, "validation.tooLong|20").optional().default(""),
  phone: z.string().trim().max(30, "validation.tooLong|30").optional().default(""),
  cc: z.string().trim().max(200, "validation.tooLong|200").optional().default(""),
});

/** The organisation an organisation id names: its full name and kind. */
const organization = (ctx: Ctx, id: string | null) =>
  id
    ? ctx.db.select({ name: organizations.fullName, kind: organizations.kind }).from(organizations).where(eq(organizations.id, id)).get()
    : undefined;

function planFacts(ctx: Ctx, planId: string) {
  const p = ctx.db
    .select({
      id: plans.id,
      title: plans.title,
      level: plans.level,
      region: plans.region,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
      parentPlanId: plans.parentPlanId,
      ownerId: plans.ownerOrganizationId,
      draftingId: plans.draftingOrganizationId,
    })
    .from(plans)
    .where(eq(plans.id, planId))
    .get()!;
  // 发文机关: the natural resources bureau that compiles the plan — a county's 自然资源局 drafts its plan
  // itself; the city's plan is drafted by a 编制专班 for the city bureau that owns it
  const bureau = [organization(ctx, p.draftingId), organization(ctx, p.ownerId)].find(
    (o) => o?.kind === "county_bureau" || o?.kind === "bureau",
  );
  const issuer = bureau?.name ?? organization(ctx, p.ownerId)?.name ?? "";
  const parentOwner = p.parentPlanId
    ? organization(ctx, ctx.db.select({ o: plans.ownerOrganizationId }).from(plans).where(eq(plans.id, p.parentPlanId)).get()?.o ?? null)
        ?.name
    : undefined;
  return { ...p, issuer, defaultCc: defaultCc(p.level, parentOwner) };
}

/** Everything the dossier's files are written from, read with the caller's permissions. */
function dossierData(ctx: Ctx, planId: string, input: unknown, now: number) {
  const options = dossierInput.parse(input);
  const plan = planRow(ctx.db, planId);
  if (!seesPlanDrafts(ctx.user, plan)) throw forbidden();
  const p = planFacts(ctx, planId);
  const all = planEditions(ctx.db, planId);
  const summary = approvalSummary(ctx.db, planId);
  const wanted = summary.editionId ?? options.edition ?? null;
  const chosen = wanted ? all.find((e) => e.id === wanted) : (all.find((e) => e.documentKind === "text") ?? all[0]);
  if (!chosen) throw invalid([{ path: "edition", message: "approval.editionNotInPlan" }], "approval.editionNotInPlan");
  const edition = getEdition(ctx, chosen.id);

  const docTitles = ctx.db
    .select({ title: documents.title })
    .from(documents)
    .where(eq(documents.planId, planId))
    .orderBy(asc(documents.sortOrder))
    .all()
    .map((d) => d.title);
  const ind = ctx.db
    .select({ kind: indicators.kind, n: count() })
    .from(indicators)
    .where(eq(indicators.planId, planId))
    .groupBy(indicators.kind)
    .all();
  const included = ctx.db
    .select({ n: count(), investment: sum(projects.investmentWan) })
    .from(projects)
    .where(and(eq(projects.planId, planId), eq(projects.status, "included")))
    .get();

  const roundRows = ctx.db
    .select({ id: rounds.id, title: rounds.title })
    .from(rounds)
    .innerJoin(editions, eq(rounds.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .where(eq(documents.planId, planId))
    .orderBy(asc(rounds.createdAt))
    .all();
  const roundFacts = roundRows.map((r) => {
    const decisions: Record<Decision, number> = { adopted: 0, partially_adopted: 0, not_adopted: 0, noted: 0, pending: 0 };
    const rows = ctx.db
      .select({ decision: responses.decision })
      .from(comments)
      .leftJoin(responses, eq(responses.commentId, comments.id))
      .where(and(eq(comments.roundId, r.id), isNull(comments.withdrawnAt)))
      .all();
    for (const row of rows) decisions[row.decision ?? "pending"]++;
    const invited = ctx.db.select({ n: count() }).from(roundInvitations).where(eq(roundInvitations.roundId, r.id)).get()?.n ?? 0;
    const replied = ctx.db.select({ n: count() }).from(submissions).where(eq(submissions.roundId, r.id)).get()?.n ?? 0;
    return { id: r.id, title: r.title, invited, replied, comments: rows.length, decisions };
  });

  const reviewIds = ctx.db
    .select({ id: reviews.id })
    .from(reviews)
    .innerJoin(editions, eq(reviews.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .where(eq(documents.planId, planId))
    .orderBy(asc(reviews.createdAt))
    .all()
    .map((r) => r.id);
  const reviewList = reviewIds.map((id) => getReview(ctx, id)).filter((r) => r.panel.some((m) => m.signoff));
  const experts = reviewIds.length
    ? ctx.db
        .select({ reviewId: reviewExperts.reviewId, n: count() })
        .from(reviewExperts)
        .where(inArray(reviewExperts.reviewId, reviewIds))
        .groupBy(reviewExperts.reviewId)
        .all()
    : [];
  const chairName = (id: string) => ctx.db.select({ n: users.displayName }).from(users).where(eq(users.id, id)).get()?.n ?? "";

  const date = shanghaiDate(now);
  const facts: DossierFacts = {
    plan: { title: p.title, region: p.region, level: p.level, periodStart: p.periodStart, periodEnd: p.periodEnd },
    issuer: p.issuer,
    edition: {
      documentTitle: edition.documentTitle,
      label: edition.label,
      manifestHash: edition.manifestHash,
      publishedOn: shanghaiDate(edition.publishedAt),
    },
    documents: docTitles,
    indicators: {
      total: ind.reduce((n, r) => n + r.n, 0),
      binding: ind.find((r) => r.kind === "binding")?.n ?? 0,
      expected: ind.find((r) => r.kind === "expected")?.n ?? 0,
    },
    projects: { included: included?.n ?? 0, investmentWan: Number(included?.investment ?? 0) },
    rounds: roundFacts,
    reviews: reviewList.map((r) => ({
      title: r.title,
      heldOn: r.meetingDate ?? (r.panelConclusion ? r.panelConclusion.signedAt.slice(0, 10) : null),
      experts: experts.find((e) => e.reviewId === r.id)?.n ?? r.panel.length,
      chair: chairName(r.chairUserId),
      conclusion: r.panelConclusion?.conclusion ?? null,
      reviewedLabel: r.editionLabel,
      confirmations: r.confirmations.map((c) => ({ label: c.label, on: c.signedAt.slice(0, 10) })),
    })),
    date,
    documentNumber: options.number,
    contact: options.contact || ctx.user.displayName,
    phone: options.phone,
    cc: (options.cc || p.defaultCc)
      .split(/[,，、;；]/)
      .map((s) => s.trim())
      .filter(Boolean),
  };
  const records: ReviewRecord[] = reviewList.map((r) => ({
    planTitle: p.title,
    title: r.title,
    documentTitle: r.documentTitle,
    editionLabel: r.editionLabel,
    manifestHash: r.manifestHash,
    meetingDate: r.meetingDate,
    quorum: r.quorum,
    signoffs: r.panel
      .filter((m) => m.signoff)
      .map((m) => ({
        name: m.expert.name,
        title: m.expert.title,
        conclusion: m.signoff!.conclusion,
        opinion: m.signoff!.opinion,
        signedAt: m.signoff!.signedAt,
        signatureHash: m.signoff!.signatureHash,
        valid: m.signoff!.valid,
      })),
    panel: r.panelConclusion
      ? {
          chair: chairName(r.chairUserId),
          conclusion: r.panelConclusion.conclusion,
          opinion: r.panelConclusion.opinion,
          signedAt: r.panelConclusion.signedAt,
          signatureHash: r.panelConclusion.signatureHash,
        }
      : null,
    confirmations: r.confirmations.map((c) => ({
      label: c.label,
      manifestHash: c.manifestHash,
      chair: c.chair.name,
      signedAt: c.signedAt,
      signatureHash: c.signatureHash,
    })),
  }));
  return {
    facts,
    records,
    edition,
    adoption: roundRows.map((r) => adoptionInput(ctx, r.id)),
  };
}

/**
 * GET /plans/:planId/dossier.zip: the 报批材料包 for the edition requested (or, before a request, the
 * edition asked for, by default the newest plan text). Files are numbered as the 请示 lists them.
 */
export async function buildDossier(ctx: Ctx, planId: string, input: unknown, now = Date.now()) {
  const d = dossierData(ctx, planId, input, now);
  const letter = requestLetter(d.facts);
  const names = attachmentNames(d.facts);
  const number = (key: string) => names.findIndex((a) => a.key === key) + 1;
  const e = d.edition;
  const files: DossierFile[] = [
    { name: `${letter.title}.docx`, bytes: await requestLetterDocx(letter) },
    {
      name: `附件${number("edition")}　${names[0].name}.docx`,
      bytes: await editionToDocx({
        planTitle: e.planTitle,
        documentTitle: e.documentTitle,
        label: e.label,
        manifestHash: e.manifestHash,
        manifestSm3: e.manifestSm3,
        auditHead: currentAuditHead(ctx.db),
        publishedAt: isoShanghai(e.publishedAt),
        // as the edition export lays it out: the frozen plan tables after their section
        sections: e.sections.map((s, i, all) => ({
          number: s.number,
          title: s.title,
          depth: s.parentSectionId ? 1 : 0,
          content: (s.content ?? { type: "doc", content: [] }) as Record<string, unknown>,
          tables: e.tables.filter((t) => t.sectionId === s.sectionId || (t.sectionId === null && i === all.length - 1)),
        })),
      }),
    },
  ];
  for (const [i, a] of d.adoption.entries()) {
    const suffix = d.adoption.length > 1 ? `-${i + 1}` : "";
    files.push({
      name: `附件${number("adoption")}${suffix}　意见采纳情况表（${a.documentTitle}${a.editionLabel}）.xlsx`,
      bytes: await adoptionTableXlsx(a),
    });
  }
  if (number("review"))
    files.push({ name: `附件${number("review")}　专家评审意见表.docx`, bytes: await signoffRecordDocx(d.records, isoShanghai(now)) });
  const folder = `${d.facts.plan.title}报批材料`;
  return { fileName: `${folder}.zip`, files: files.map((f) => f.name), bytes: await dossierZip(folder, files, new Date(now)) };
}
