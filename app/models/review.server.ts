// Technical review: an expert panel signs opinions bound to the edition's manifest hash as they saw
// it; the chair signs the panel conclusion once the quorum has signed. Nothing signed can change.
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "~db/client";
import {
  auditEvents,
  conclusions,
  documents,
  editions,
  panelConclusions,
  reviewConfirmations,
  reviewExperts,
  reviews,
  rounds,
  signoffs,
  users,
} from "~db/schema";
import { confirmationSignatureHash, signatureHash } from "../lib/hash/signature";
import { CONFIRMATION_CONCLUSION } from "../lib/hash/signing-payload";
import { newId } from "../lib/id";
import { isoShanghai } from "../lib/time";
import { conflict, DomainError, forbidden, invalid, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { bindRow } from "./row-binding.server";
import { diffEditions } from "./edition.server";
import { notifyUsers } from "./notification.server";
import { planIdOfEdition, requirePlanDrafter, seesDrafts } from "./plan-access.server";
import { browserSignatureChecker, confirmationSigned } from "./review-signatures.server";
import { acceptSignature, editionSm3, signatureFields } from "./signing-key.server";

export const reviewInput = z.object({
  title: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(200, "validation.tooLong|200"),
  expertUserIds: z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(z.string().min(1)).min(1, "review.invalidPanel").max(50)),
  chairUserId: z.string().min(1, "review.invalidPanel"),
  quorum: z.coerce.number().int().min(1, "review.invalidPanel"),
  meetingDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .nullable()
    .or(z.literal("").transform(() => null)),
});

/** Sets up a review of an edition (drafters and admins). */
export function createReview(ctx: Ctx, editionId: string, input: unknown) {
  if (!can(ctx.user, "create:review:any")) throw forbidden();
  const values = reviewInput.parse(input);
  const experts = [...new Set(values.expertUserIds)];
  if (!experts.includes(values.chairUserId) || values.quorum > experts.length)
    throw invalid([{ path: "quorum", message: "review.invalidPanel" }], "review.invalidPanel");
  return ctx.db.transaction((tx) => {
    const planId = planIdOfEdition(tx, editionId);
    if (!planId) throw notFound();
    // admins may set up any plan's review; drafters only their own plan's
    if (ctx.user.role !== "admin") requirePlanDrafter(ctx, planId, tx);
    const found = tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, experts), eq(users.role, "expert")))
      .all();
    if (found.length !== experts.length) throw invalid([{ path: "expertUserIds", message: "review.invalidPanel" }], "review.invalidPanel");
    const id = newId("rvw");
    tx.insert(reviews)
      .values({
        id,
        editionId,
        title: values.title,
        chairUserId: values.chairUserId,
        quorum: values.quorum,
        meetingDate: values.meetingDate ?? null,
        createdById: ctx.user.id,
      })
      .run();
    for (const userId of experts) tx.insert(reviewExperts).values({ reviewId: id, userId }).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "review.create",
      entityType: "review",
      entityId: id,
      data: { editionId, experts, chairUserId: values.chairUserId, quorum: values.quorum },
    });
    return { id };
  });
}

/** A review the caller may see: drafters and admins all, experts those they sit on. */
function loadReview(ctx: Ctx, reviewId: string, db: DbOrTx = ctx.db) {
  const r = loadReviewRow(db, reviewId);
  const runsPlan = can(ctx.user, "read:review:any") && seesDrafts(ctx, r.planId, db);
  if (!runsPlan && !(can(ctx.user, "read:review:own") && r.panel.includes(ctx.user.id))) throw notFound();
  return r;
}

type ConclusionRow = typeof panelConclusions.$inferSelect;
type BrowserView = ReturnType<ReturnType<typeof browserSignatureChecker>>;

function panelConclusionView(c: ConclusionRow, manifestHash: string, browser: BrowserView) {
  const expected = signatureHash({
    reviewId: c.reviewId,
    signerId: c.chairId,
    kind: "panel",
    conclusion: c.conclusion,
    opinion: c.opinion,
    manifestHash: c.manifestHash,
    signedAt: c.signedAt.getTime(),
  });
  const conditions = JSON.parse(c.conditions) as string[];
  return {
    conclusion: c.conclusion,
    opinion: c.opinion,
    conditions,
    manifestHash: c.manifestHash,
    signatureHash: c.signatureHash,
    signedAt: isoShanghai(c.signedAt),
    valid: c.manifestHash === manifestHash && c.signatureHash === expected && (browser === null || browser.verifies),
    browser,
  };
}

/** The API's `signature` and `publicKey` of a record (null for records signed before browser keys). */
const signatureJson = (b: BrowserView) => ({
  signature: b?.signature ?? null,
  publicKey: b?.publicKey ?? null,
  keyRevokedAt: b?.keyRevokedAt ?? null,
  signatureVerifies: b ? b.verifies : null,
});

function loadReviewRow(db: DbOrTx, reviewId: string) {
  const row = db
    .select({
      review: reviews,
      manifestHash: editions.manifestHash,
      editionLabel: editions.label,
      documentTitle: documents.title,
      planId: documents.planId,
    })
    .from(reviews)
    .innerJoin(editions, eq(reviews.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .where(eq(reviews.id, reviewId))
    .get();
  if (!row) throw notFound();
  const panel = db
    .select({ userId: reviewExperts.userId })
    .from(reviewExperts)
    .where(eq(reviewExperts.reviewId, reviewId))
    .all()
    .map((p) => p.userId);
  return { ...row, panel };
}

type SignoffRow = typeof signoffs.$inferSelect;
const expectedSignature = (s: SignoffRow) =>
  signatureHash({
    reviewId: s.reviewId,
    signerId: s.expertId,
    kind: "expert",
    conclusion: s.conclusion,
    opinion: s.opinion,
    manifestHash: s.manifestHash,
    signedAt: s.signedAt.getTime(),
  });

/**
 * A sign-off counts when it is on the reviewed edition's hash, its signature digest still matches its
 * content and, when it carries a browser signature, that signature verifies with the expert's key.
 */
function signoffChecker(db: DbOrTx, reviewId: string, editionId: string, manifestHash: string, rows: SignoffRow[]) {
  const check = browserSignatureChecker(db, reviewId);
  const ids = rows.map((s) => s.signingKeyId);
  return (s: SignoffRow) => {
    const browser = check("signoff", s.expertId, editionId, s, ids);
    return {
      browser,
      valid: s.manifestHash === manifestHash && s.signatureHash === expectedSignature(s) && (browser === null || browser.verifies),
    };
  };
}

export type ReviewStatus = "open" | "quorum_reached" | "concluded";

export function getReview(ctx: Ctx, reviewId: string) {
  const r = loadReview(ctx, reviewId);
  const members = ctx.db
    .select({ id: users.id, username: users.username, displayName: users.displayName, title: users.title })
    .from(users)
    .where(inArray(users.id, r.panel))
    .orderBy(asc(users.username))
    .all();
  const signed = ctx.db.select().from(signoffs).where(eq(signoffs.reviewId, reviewId)).all();
  const conclusion = ctx.db.select().from(panelConclusions).where(eq(panelConclusions.reviewId, reviewId)).get();
  const checkSignoff = signoffChecker(ctx.db, reviewId, r.review.editionId, r.manifestHash, signed);
  const checked = new Map(signed.map((s) => [s.id, checkSignoff(s)]));
  const valid = (s: SignoffRow) => checked.get(s.id)!.valid;
  const validCount = signed.filter(valid).length;
  const checkOther = browserSignatureChecker(ctx.db, reviewId);
  const status: ReviewStatus = conclusion ? "concluded" : validCount >= r.review.quorum ? "quorum_reached" : "open";
  return {
    id: r.review.id,
    title: r.review.title,
    editionId: r.review.editionId,
    editionLabel: r.editionLabel,
    manifestSm3: editionSm3(ctx.db, r.review.editionId),
    documentTitle: r.documentTitle,
    planId: r.planId,
    manifestHash: r.manifestHash,
    quorum: r.review.quorum,
    meetingDate: r.review.meetingDate,
    chairUserId: r.review.chairUserId,
    status,
    panel: members.map((m) => {
      const s = signed.find((x) => x.expertId === m.id);
      return {
        expert: { id: m.id, username: m.username, name: m.displayName, title: m.title },
        chair: m.id === r.review.chairUserId,
        signoff: s
          ? {
              conclusion: s.conclusion,
              opinion: s.opinion,
              manifestHash: s.manifestHash,
              signatureHash: s.signatureHash,
              signedAt: isoShanghai(s.signedAt),
              valid: valid(s),
              browser: checked.get(s.id)!.browser,
            }
          : null,
      };
    }),
    panelConclusion: conclusion
      ? panelConclusionView(
          conclusion,
          r.manifestHash,
          checkOther("conclusion", conclusion.chairId, r.review.editionId, conclusion, [conclusion.signingKeyId]),
        )
      : null,
    confirmations: confirmationsOf(ctx.db, reviewId),
    // the chair's step after 修改后通过: later editions of the same document not confirmed yet
    confirmationCandidates:
      r.review.chairUserId === ctx.user.id && conclusion?.conclusion === "approve_with_changes"
        ? confirmationCandidates(ctx.db, r.review.id, r.review.editionId)
        : [],
    // the consultation on this edition, whose adoption table the panel reviews with it
    rounds: ctx.db.select({ id: rounds.id, title: rounds.title }).from(rounds).where(eq(rounds.editionId, r.review.editionId)).all(),
    me: {
      onPanel: r.panel.includes(ctx.user.id),
      isChair: r.review.chairUserId === ctx.user.id,
      signed: signed.some((s) => s.expertId === ctx.user.id),
    },
  };
}

/** GET /api/v1/reviews/:id */
export function reviewJson(ctx: Ctx, reviewId: string) {
  const r = getReview(ctx, reviewId);
  return {
    id: r.id,
    editionId: r.editionId,
    manifestHash: r.manifestHash,
    quorum: r.quorum,
    status: r.status,
    manifestSm3: r.manifestSm3,
    signoffs: r.panel
      .filter((p) => p.signoff)
      .map((p) => ({
        expert: { id: p.expert.id, username: p.expert.username },
        conclusion: p.signoff!.conclusion,
        opinion: p.signoff!.opinion,
        manifestHash: p.signoff!.manifestHash,
        signedAt: p.signoff!.signedAt,
        valid: p.signoff!.valid,
        ...signatureJson(p.signoff!.browser),
      })),
    panelConclusion: r.panelConclusion ? { ...r.panelConclusion, browser: undefined, ...signatureJson(r.panelConclusion.browser) } : null,
    confirmations: r.confirmations.map(({ id, editionId, label, manifestHash, chair, signatureHash, signedAt, valid, browser }) => ({
      id,
      editionId,
      label,
      manifestHash,
      chair: { id: chair.id, username: chair.username },
      signatureHash,
      signedAt,
      valid,
      ...signatureJson(browser),
    })),
  };
}

const opinionInput = z.object({
  conclusion: z.enum(conclusions, { errorMap: () => ({ message: "validation.choice" }) }),
  opinion: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(10000, "validation.tooLong|10000"),
});
export const signoffInput = opinionInput.extend({ manifestHash: z.string().regex(/^[0-9a-f]{64}$/, "review.hashMismatch") });

/** 修改后通过 lists its conditions: an array of strings, or (from the page) one per line. */
export const conclusionInput = opinionInput.extend({
  conditions: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/\r?\n/) : v),
    z
      .array(z.string().max(1000, "validation.tooLong|1000"))
      .max(50)
      .transform((list) => list.map((c) => c.trim()).filter(Boolean))
      .optional(),
  ),
});

/** The browser-signature fields of a request; the review page always sends them. */
function signedFields(input: unknown, required: boolean) {
  const raw = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
  // a page form sends the JWK as JSON text
  let publicKey = raw.publicKey;
  if (typeof publicKey === "string") {
    try {
      publicKey = JSON.parse(publicKey);
    } catch {
      throw invalid([{ path: "publicKey", message: "signing.badKey" }], "signing.badKey");
    }
  }
  const fields = signatureFields.parse({
    ...raw,
    publicKey: publicKey === "" ? undefined : publicKey,
    signature: raw.signature || undefined,
    signedAt: raw.signedAt || undefined,
  });
  if (required && !fields.signature) throw invalid([{ path: "signature", message: "signing.incomplete" }], "signing.incomplete");
  return fields;
}

/**
 * An expert on the panel signs an opinion for the manifest hash they saw. If the edition's hash is
 * not that one, nothing is signed (409). One signature per expert; it cannot be changed.
 */
export function signOff(ctx: Ctx, reviewId: string, input: unknown, { requireBrowserSignature = false } = {}) {
  if (!can(ctx.user, "create:signoff:own")) throw forbidden("review.notOnPanel");
  const values = signoffInput.parse(input);
  const fields = signedFields(input, requireBrowserSignature);
  return ctx.db.transaction((tx) => {
    // an expert who is not on this panel is told so (403), not "not found"
    const r = loadReviewRow(tx, reviewId);
    if (!r.panel.includes(ctx.user.id)) throw forbidden("review.notOnPanel");
    if (values.manifestHash !== r.manifestHash) throw conflict("review.hashMismatch", { manifestHash: r.manifestHash });
    if (
      tx
        .select({ id: signoffs.id })
        .from(signoffs)
        .where(and(eq(signoffs.reviewId, reviewId), eq(signoffs.expertId, ctx.user.id)))
        .get()
    )
      throw conflict("review.alreadySigned");
    // once the chair has concluded, the record is closed: a late opinion would not be part of it
    if (tx.select({ r: panelConclusions.reviewId }).from(panelConclusions).where(eq(panelConclusions.reviewId, reviewId)).get())
      throw conflict("review.alreadyConcluded");
    const browser = acceptSignature(
      tx,
      ctx.user,
      {
        reviewId,
        signerId: ctx.user.id,
        kind: "signoff",
        conclusion: values.conclusion,
        opinion: values.opinion,
        manifestHash: values.manifestHash,
        manifestSm3: editionSm3(tx, r.review.editionId),
      },
      fields,
    );
    const signedAt = browser.signedAt;
    const hash = signatureHash({
      reviewId,
      signerId: ctx.user.id,
      kind: "expert",
      conclusion: values.conclusion,
      opinion: values.opinion,
      manifestHash: values.manifestHash,
      signedAt: signedAt.getTime(),
    });
    const id = newId("sgn");
    tx.insert(signoffs)
      .values({
        id,
        reviewId,
        expertId: ctx.user.id,
        conclusion: values.conclusion,
        opinion: values.opinion,
        manifestHash: values.manifestHash,
        signatureHash: hash,
        signingKeyId: browser.signingKeyId,
        signature: browser.signature,
        signedAt,
      })
      .run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "signoff.create",
      entityType: "review",
      entityId: reviewId,
      data: {
        signoffId: id,
        conclusion: values.conclusion,
        manifestHash: values.manifestHash,
        signatureHash: hash,
        signingKeyId: browser.signingKeyId,
      },
      bound: [bindRow(tx, "signoffs", id)],
    });
    return { id, signatureHash: hash, signedAt: isoShanghai(signedAt) };
  });
}

/** The chair's panel conclusion, once as many valid signatures as the quorum are in. */
export function concludeReview(ctx: Ctx, reviewId: string, input: unknown, { requireBrowserSignature = false } = {}) {
  const values = conclusionInput.parse(input);
  const conditions = values.conclusion === "approve_with_changes" ? (values.conditions ?? []) : [];
  const fields = signedFields(input, requireBrowserSignature);
  return ctx.db.transaction((tx) => {
    const r = loadReview(ctx, reviewId, tx);
    if (r.review.chairUserId !== ctx.user.id) throw forbidden("review.notChair");
    if (tx.select({ r: panelConclusions.reviewId }).from(panelConclusions).where(eq(panelConclusions.reviewId, reviewId)).get())
      throw conflict("review.alreadyConcluded");
    // the same rule as `valid` in getReview: a signature whose row was changed does not count
    const rows = tx.select().from(signoffs).where(eq(signoffs.reviewId, reviewId)).all();
    const check = signoffChecker(tx, reviewId, r.review.editionId, r.manifestHash, rows);
    const valid = rows.filter((s) => check(s).valid).length;
    if (valid < r.review.quorum) throw new DomainError("conflict", "review.quorumNotReached", { quorum: r.review.quorum });
    if (values.conclusion === "approve_with_changes" && conditions.length === 0)
      throw invalid([{ path: "conditions", message: "review.conditionsRequired" }], "review.conditionsRequired");
    const browser = acceptSignature(
      tx,
      ctx.user,
      {
        reviewId,
        signerId: ctx.user.id,
        kind: "conclusion",
        conclusion: values.conclusion,
        opinion: values.opinion,
        manifestHash: r.manifestHash,
        manifestSm3: editionSm3(tx, r.review.editionId),
      },
      fields,
    );
    const signedAt = browser.signedAt;
    const hash = signatureHash({
      reviewId,
      signerId: ctx.user.id,
      kind: "panel",
      conclusion: values.conclusion,
      opinion: values.opinion,
      manifestHash: r.manifestHash,
      signedAt: signedAt.getTime(),
    });
    tx.insert(panelConclusions)
      .values({
        reviewId,
        chairId: ctx.user.id,
        conclusion: values.conclusion,
        opinion: values.opinion,
        manifestHash: r.manifestHash,
        conditions: JSON.stringify(conditions),
        signatureHash: hash,
        signingKeyId: browser.signingKeyId,
        signature: browser.signature,
        signedAt,
      })
      .run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "review.conclude",
      entityType: "review",
      entityId: reviewId,
      data: {
        conclusion: values.conclusion,
        conditions,
        manifestHash: r.manifestHash,
        signatureHash: hash,
        signingKeyId: browser.signingKeyId,
      },
      bound: [bindRow(tx, "panel_conclusions", reviewId)],
    });
    return { reviewId, signatureHash: hash, signedAt: isoShanghai(signedAt) };
  });
}

const expectedConfirmation = (c: typeof reviewConfirmations.$inferSelect) => confirmationSignatureHash(c);

/** The chair's confirmations of a review, oldest first; `valid` when the signature and the edition's hash still match. */
export function confirmationsOf(db: DbOrTx, reviewId: string) {
  const check = browserSignatureChecker(db, reviewId);
  return db
    .select({
      c: reviewConfirmations,
      label: editions.label,
      editionHash: editions.manifestHash,
      chairName: users.displayName,
      chairUsername: users.username,
    })
    .from(reviewConfirmations)
    .innerJoin(editions, eq(reviewConfirmations.editionId, editions.id))
    .innerJoin(users, eq(reviewConfirmations.chairId, users.id))
    .where(eq(reviewConfirmations.reviewId, reviewId))
    .orderBy(asc(reviewConfirmations.signedAt))
    .all()
    .map(({ c, label, editionHash, chairName, chairUsername }) => ({
      c,
      label,
      editionHash,
      chairName,
      chairUsername,
      browser: check("confirmation", c.chairId, c.editionId, confirmationSigned(c), [c.signingKeyId]),
    }))
    .map(({ c, label, editionHash, chairName, chairUsername, browser }) => ({
      id: c.id,
      editionId: c.editionId,
      label,
      manifestHash: c.manifestHash,
      chair: { id: c.chairId, username: chairUsername, name: chairName },
      signatureHash: c.signatureHash,
      signedAt: isoShanghai(c.signedAt),
      valid: c.manifestHash === editionHash && c.signatureHash === expectedConfirmation(c) && (browser === null || browser.verifies),
      browser,
    }));
}

/** Editions of the reviewed edition's document published after it and not confirmed yet, newest first. */
function confirmationCandidates(db: DbOrTx, reviewId: string, reviewedEditionId: string) {
  const reviewed = db
    .select({ documentId: editions.documentId, publishedAt: editions.publishedAt })
    .from(editions)
    .where(eq(editions.id, reviewedEditionId))
    .get();
  if (!reviewed) return [];
  const confirmed = new Set(
    db
      .select({ e: reviewConfirmations.editionId })
      .from(reviewConfirmations)
      .where(eq(reviewConfirmations.reviewId, reviewId))
      .all()
      .map((x) => x.e),
  );
  return db
    .select({ id: editions.id, label: editions.label, manifestHash: editions.manifestHash, publishedAt: editions.publishedAt })
    .from(editions)
    .where(and(eq(editions.documentId, reviewed.documentId), gt(editions.publishedAt, reviewed.publishedAt)))
    .orderBy(desc(editions.publishedAt))
    .all()
    .filter((e) => !confirmed.has(e.id))
    .map((e) => ({ ...e, publishedAt: isoShanghai(e.publishedAt) }));
}

/** The review page: the review, and for the chair's confirmation step the diff to the edition picked. */
export function getReviewPage(ctx: Ctx, reviewId: string, compareTo: string | null) {
  const review = getReview(ctx, reviewId);
  const candidate = compareTo ? review.confirmationCandidates.find((c) => c.id === compareTo) : undefined;
  return {
    ...review,
    confirmationDiff: candidate ? diffEditions(ctx, review.editionId, candidate.id) : null,
    confirmationSm3: candidate ? editionSm3(ctx.db, candidate.id) : null,
    signerId: ctx.user.id,
  };
}

export const confirmationInput = z.object({
  editionId: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required"),
});

/**
 * 确认修改落实: after a 修改后通过 panel conclusion the chair confirms that a later edition of the same
 * document carries out the panel's conditions. Signed like a sign-off (kind "confirmation", bound to
 * that edition's manifest hash), once per edition, audited; the drafter who set up the review is told.
 */
export function confirmReviewChanges(ctx: Ctx, reviewId: string, input: unknown, { requireBrowserSignature = false } = {}) {
  const { editionId } = confirmationInput.parse(input);
  const fields = signedFields(input, requireBrowserSignature);
  return ctx.db.transaction((tx) => {
    const r = loadReview(ctx, reviewId, tx);
    if (r.review.chairUserId !== ctx.user.id) throw forbidden("review.notChair");
    const concluded = tx
      .select({ conclusion: panelConclusions.conclusion })
      .from(panelConclusions)
      .where(eq(panelConclusions.reviewId, reviewId))
      .get();
    if (concluded?.conclusion !== "approve_with_changes") throw conflict("confirmation.notAfterChanges");
    const reviewed = tx
      .select({ documentId: editions.documentId, publishedAt: editions.publishedAt })
      .from(editions)
      .where(eq(editions.id, r.review.editionId))
      .get()!;
    const target = tx
      .select({
        documentId: editions.documentId,
        label: editions.label,
        manifestHash: editions.manifestHash,
        publishedAt: editions.publishedAt,
      })
      .from(editions)
      .where(eq(editions.id, editionId))
      .get();
    if (!target || target.documentId !== reviewed.documentId || target.publishedAt.getTime() <= reviewed.publishedAt.getTime()) {
      throw invalid([{ path: "editionId", message: "confirmation.editionInvalid" }], "confirmation.editionInvalid");
    }
    if (
      tx
        .select({ id: reviewConfirmations.id })
        .from(reviewConfirmations)
        .where(and(eq(reviewConfirmations.reviewId, reviewId), eq(reviewConfirmations.editionId, editionId)))
        .get()
    )
      throw conflict("confirmation.already");
    const browser = acceptSignature(
      tx,
      ctx.user,
      {
        reviewId,
        signerId: ctx.user.id,
        kind: "confirmation",
        conclusion: CONFIRMATION_CONCLUSION,
        opinion: "",
        manifestHash: target.manifestHash,
        manifestSm3: editionSm3(tx, editionId),
      },
      fields,
    );
    const signedAt = browser.signedAt;
    const hash = confirmationSignatureHash({ reviewId, chairId: ctx.user.id, manifestHash: target.manifestHash, signedAt });
    const id = newId("cnf");
    tx.insert(reviewConfirmations)
      .values({
        id,
        reviewId,
        editionId,
        chairId: ctx.user.id,
        manifestHash: target.manifestHash,
        signatureHash: hash,
        signingKeyId: browser.signingKeyId,
        signature: browser.signature,
        signedAt,
      })
      .run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "review.confirm",
      entityType: "review",
      entityId: reviewId,
      data: { confirmationId: id, editionId, manifestHash: target.manifestHash, signatureHash: hash, signingKeyId: browser.signingKeyId },
      bound: [bindRow(tx, "review_confirmations", id)],
    });
    notifyUsers(tx, [r.review.createdById], "review_confirmed", { reviewId, review: r.review.title, label: target.label });
    return { id, reviewId, editionId, manifestHash: target.manifestHash, signatureHash: hash, signedAt: isoShanghai(signedAt) };
  });
}

/**
 * Every sign-off and panel conclusion must still hash to its signature, and its signature must have
 * been recorded in the audit chain when it was made. Returns the first record that fails, or null.
 */
export function firstBrokenSignature(db: DbOrTx): string | null {
  const recorded = new Set(
    db
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(inArray(auditEvents.action, ["signoff.create", "review.conclude", "review.confirm"]))
      .all()
      .map((e) => String((JSON.parse(e.data) as { signatureHash?: string }).signatureHash)),
  );
  for (const s of db.select().from(signoffs).orderBy(asc(signoffs.signedAt)).all()) {
    if (s.signatureHash !== expectedSignature(s) || !recorded.has(s.signatureHash)) return s.id;
  }
  for (const c of db.select().from(panelConclusions).all()) {
    const expected = signatureHash({
      reviewId: c.reviewId,
      signerId: c.chairId,
      kind: "panel",
      conclusion: c.conclusion,
      opinion: c.opinion,
      manifestHash: c.manifestHash,
      signedAt: c.signedAt.getTime(),
    });
    if (c.signatureHash !== expected || !recorded.has(c.signatureHash)) return `conclusion:${c.reviewId}`;
  }
  for (const c of db.select().from(reviewConfirmations).orderBy(asc(reviewConfirmations.signedAt)).all()) {
    if (c.signatureHash !== expectedConfirmation(c) || !recorded.has(c.signatureHash)) return `confirmation:${c.id}`;
  }
  return null;
}
