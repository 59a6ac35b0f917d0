// A county plan's technical review in the demo: the panel, the experts' sign-offs, the chair's panel
// conclusion and confirmation, each signed and recorded in the audit chain as the portal would.
import { confirmationSignatureHash, signatureHash } from "../../app/lib/hash/signature";
import { newId } from "../../app/lib/id";
import { addDays } from "../../app/lib/time";
import { recordAudit } from "../../app/models/audit.server";
import type { Tx } from "../client";
import * as s from "../schema";
import type { Conclusion } from "../schema";
import type { CountyPlanDemo } from "./county-plans";
import { DAY, type SeededEdition } from "./documents";
import type { SeedIds } from "./seed-ids";

const OPINIONS: Record<Conclusion, string> = {
  approve: "规划目标指标落实了市级规划传导要求，重点区域和重点工程安排合理，同意通过。",
  approve_with_changes: "规划总体可行。建议进一步细化重点工程的实施时序和资金来源，补充生态用水保障分析，修改完善后通过。",
  reject: "规划与市级规划衔接不足，重点工程缺乏前期论证，建议补充完善后重新组织审查。",
};
export function seedReview(
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
