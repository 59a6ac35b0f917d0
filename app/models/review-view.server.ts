// A review as it is read: the page (with the chair's confirmation diff), the API's JSON, and the
// record the dossier and the review sheet print — the panel with each sign-off, the conclusion and
// the confirmations, each marked valid when its digest, hash and browser signature still hold.
import { asc, eq, inArray } from "drizzle-orm";
import { panelConclusions, rounds, signoffs, users } from "~db/schema";
import { isoShanghai } from "../lib/time";
import type { Ctx } from "../utils/session.server";
import { diffEditions } from "./edition.server";
import { loadReview } from "./review.server";
import { confirmationCandidates, confirmationsOf } from "./review-confirmation.server";
import { expectedConclusionHash, signoffChecker } from "./review-signature-hashes.server";
import { type BrowserSignatureView, browserSignatureChecker } from "./review-signatures.server";
import { editionSm3 } from "./signing-key.server";

type ConclusionRow = typeof panelConclusions.$inferSelect;
type SignoffRow = typeof signoffs.$inferSelect;
type BrowserView = BrowserSignatureView;

function panelConclusionView(c: ConclusionRow, manifestHash: string, browser: BrowserView) {
  const expected = expectedConclusionHash(c);
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
