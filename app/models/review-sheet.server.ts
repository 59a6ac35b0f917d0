// 专家评审意见表: the sheet of a review as exported (GET /api/v1/reviews/:id/sheet.docx) and a returned
// copy checked against the database line by line (/verify).
import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { documents, editions, panelConclusions, reviews, signoffs, users } from "~db/schema";
import { readReviewSheet, reviewSheetDocx } from "../lib/docx/review-sheet.server";
import { signatureHash } from "../lib/hash/signature";
import { compareSheet, parseSheetData, type SheetData, type SheetRecord } from "../lib/review-sheet/sheet";
import { isoShanghai } from "../lib/time";
import { DomainError, invalid, notFound } from "../utils/errors";
import type { Ctx } from "../utils/session.server";
import { currentAuditHead } from "./audit.server";
import { browserSignatureChecker } from "./review-signatures.server";
import { getReview } from "./review-view.server";
import { editionSm3, signedAtIso } from "./signing-key.server";

/** The largest sheet /verify reads. */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;

type Row = {
  signerId: string;
  conclusion: string;
  opinion: string;
  manifestHash: string;
  signatureHash: string;
  signingKeyId: string | null;
  signature: string | null;
  signedAt: Date;
};

/** The sheet's records as the database has them now, each with whether it verifies; null if no such review. */
function sheetDataOf(db: DbOrTx, reviewId: string): SheetData | null {
  const r = db
    .select({ review: reviews, label: editions.label, manifestHash: editions.manifestHash, documentTitle: documents.title })
    .from(reviews)
    .innerJoin(editions, eq(reviews.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .where(eq(reviews.id, reviewId))
    .get();
  if (!r) return null;
  const signed = db.select().from(signoffs).where(eq(signoffs.reviewId, reviewId)).orderBy(asc(signoffs.signedAt), asc(signoffs.id)).all();
  const conclusion = db.select().from(panelConclusions).where(eq(panelConclusions.reviewId, reviewId)).get();
  const ids = [...signed.map((s) => s.expertId), ...(conclusion ? [conclusion.chairId] : [])];
  const names = new Map(
    ids.length
      ? db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, ids))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  const check = browserSignatureChecker(db, reviewId);
  const keyIds = [...signed.map((s) => s.signingKeyId), conclusion?.signingKeyId ?? null];
  const record = (id: string, kind: "signoff" | "conclusion", row: Row): SheetRecord => {
    const browser = check(kind, row.signerId, r.review.editionId, row, keyIds);
    const digest = signatureHash({
      reviewId,
      signerId: row.signerId,
      kind: kind === "signoff" ? "expert" : "panel",
      conclusion: row.conclusion,
      opinion: row.opinion,
      manifestHash: row.manifestHash,
      signedAt: row.signedAt.getTime(),
    });
    return {
      id,
      signerId: row.signerId,
      signerName: names.get(row.signerId) ?? row.signerId,
      conclusion: row.conclusion,
      opinion: row.opinion,
      signedAt: signedAtIso(row.signedAt),
      signatureHash: row.signatureHash,
      signature: browser ? row.signature : null,
      key:
        browser?.publicKey && browser.algorithm && browser.fingerprint
          ? { algorithm: browser.algorithm, fingerprint: browser.fingerprint, jwk: browser.publicKey, revokedAt: browser.keyRevokedAt }
          : null,
      verifies: row.manifestHash === r.manifestHash && digest === row.signatureHash && (browser === null || browser.verifies),
    };
  };
  return {
    version: 1,
    reviewId,
    title: r.review.title,
    documentTitle: r.documentTitle,
    editionId: r.review.editionId,
    editionLabel: r.label,
    manifestHash: r.manifestHash,
    manifestSm3: editionSm3(db, r.review.editionId),
    signoffs: signed.map((s) => record(s.id, "signoff", { ...s, signerId: s.expertId })),
    conclusion: conclusion
      ? {
          ...record(`conclusion:${reviewId}`, "conclusion", { ...conclusion, signerId: conclusion.chairId }),
          conditions: JSON.parse(conclusion.conditions) as string[],
        }
      : null,
  };
}

/** The .docx of a review the caller may see, with the audit head at the time of export. */
export async function exportReviewSheet(ctx: Ctx, reviewId: string) {
  const review = getReview(ctx, reviewId); // who may see the review may download its sheet
  const data = sheetDataOf(ctx.db, reviewId);
  if (!data) throw notFound();
  const buffer = await reviewSheetDocx({ data, auditHead: currentAuditHead(ctx.db), exportedAt: isoShanghai(new Date()) });
  return { buffer, fileName: `专家评审意见表-${review.documentTitle}（${review.editionLabel}）.docx` };
}

/**
 * A returned sheet, line by line: whether each line's visible text and embedded data match the
 * record and its signature verifies. Any signed-in user may check a sheet they hold; the answer says
 * only match or not, never the record's content.
 */
export async function verifyReviewSheet(ctx: Ctx, file: { bytes: Uint8Array } | null) {
  if (!file) throw invalid([{ path: "file", message: "verify.fileRequired" }], "verify.fileRequired");
  if (file.bytes.byteLength > MAX_SHEET_BYTES) throw new DomainError("too_large", "verify.tooLarge");
  const read = await readReviewSheet(file.bytes);
  const embedded = parseSheetData(read?.embedded ?? null);
  if (!read || !embedded) throw invalid([{ path: "file", message: "verify.notSheet" }], "verify.notSheet");
  const expected = sheetDataOf(ctx.db, embedded.reviewId);
  if (!expected)
    return {
      reviewId: embedded.reviewId,
      ok: false,
      lines: [{ kind: "header" as const, name: embedded.title, ok: false, reasons: [{ key: "header" as const }] }],
    };
  const lines = compareSheet(expected, embedded, read.tables);
  return { reviewId: embedded.reviewId, ok: lines.every((l) => l.ok), lines };
}
