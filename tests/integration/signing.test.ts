// Browser signatures on sign-offs, conclusions and confirmations, against a temporary database.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { auditEvents, editions, signingKeys, signoffs } from "~db/schema";
import { verifyIntegrity } from "../../app/models/integrity.server";
import { concludeReview } from "../../app/models/review-conclusion.server";
import { confirmReviewChanges } from "../../app/models/review-confirmation.server";
import { createReview } from "../../app/models/review.server";
import { getReview, reviewJson } from "../../app/models/review-view.server";
import { signOff } from "../../app/models/review-signoff.server";
import { editionSm3, listAllKeys, listOwnKeys, revokeKey } from "../../app/models/signing-key.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor, userId } from "./helpers";
import { type Device, newDevice } from "./signing-fixture";

let db: Db;
let cleanup: () => void;
const ctx: Record<string, Ctx> = {};
let editionId = "";
let manifestHash = "";
let manifestSm3 = "";

function failure(fn: () => unknown) {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return { status: e.status, key: e.messageKey };
    throw e;
  }
}

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  for (const u of ["drafter", "admin", "expert1", "expert2", "expert3", "expert4"]) ctx[u] = await ctxFor(db, u);
  const e = db.select().from(editions).get()!;
  editionId = e.id;
  manifestHash = e.manifestHash;
  manifestSm3 = editionSm3(db, editionId);
});
afterAll(() => cleanup());

const newReview = (quorum = 2) =>
  createReview(ctx.drafter, editionId, {
    title: "签名测试",
    expertUserIds: ["expert1", "expert2", "expert3", "expert4"].map((u) => userId(db, u)),
    chairUserId: userId(db, "expert1"),
    quorum,
  }).id;
const opinion = { conclusion: "approve", opinion: "同意通过。\n第二段意见。" };
const payload = (reviewId: string, who: string, kind: "signoff" | "conclusion" = "signoff", o = opinion) => ({
  reviewId,
  signerId: userId(db, who),
  kind,
  ...o,
  manifestHash,
  manifestSm3,
});

describe("browser signatures", () => {
  let device: Device;
  beforeAll(async () => {
    device = await newDevice("P-256");
  });

  it("verifies a sign-off, registers the key on first use (audited) and shows signature and key", async () => {
    const id = newReview();
    const signed = await device.sign(payload(id, "expert2"));
    signOff(ctx.expert2, id, { ...opinion, manifestHash, ...signed, deviceLabel: "测试设备" });
    const key = db
      .select()
      .from(signingKeys)
      .where(eq(signingKeys.userId, userId(db, "expert2")))
      .get()!;
    expect(key).toMatchObject({ algorithm: "ECDSA-P256", deviceLabel: "测试设备", revokedAt: null });
    expect(
      db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "signing_key.register"))
        .all()
        .map((e) => e.entityId),
    ).toContain(key.id);
    const row = db.select().from(signoffs).where(eq(signoffs.reviewId, id)).get()!;
    expect(row).toMatchObject({ signingKeyId: key.id, signature: signed.signature });
    expect(row.signedAt.toISOString()).toBe(signed.signedAt);
    const json = reviewJson(ctx.expert2, id);
    expect(json.signoffs[0]).toMatchObject({
      valid: true,
      signature: signed.signature,
      publicKey: { kty: "EC", crv: "P-256", x: signed.publicKey.x },
      signatureVerifies: true,
    });
    expect(listOwnKeys(ctx.expert2).map((k) => k.id)).toEqual([key.id]);
    expect(verifyIntegrity(db).ok).toBe(true);
  });

  it("refuses a tampered opinion, another's key, a skewed clock, a private JWK and a half-signed request", async () => {
    const id = newReview();
    const signed = await device.sign(payload(id, "expert3"));
    // expert2's device key used by expert3 (registered above to expert2)
    expect(failure(() => signOff(ctx.expert3, id, { ...opinion, manifestHash, ...signed }))).toEqual({
      status: 403,
      key: "signing.keyOfOther",
    });
    const own = await newDevice("Ed25519");
    // the opinion sent differs from the one signed
    const mine = await own.sign(payload(id, "expert3"));
    expect(failure(() => signOff(ctx.expert3, id, { ...opinion, opinion: "不同意。", manifestHash, ...mine }))).toEqual({
      status: 400,
      key: "signing.badSignature",
    });
    const late = await own.sign(payload(id, "expert3"), new Date(Date.now() - 11 * 60_000).toISOString());
    expect(failure(() => signOff(ctx.expert3, id, { ...opinion, manifestHash, ...late }))).toEqual({
      status: 400,
      key: "signing.clockSkew",
    });
    const good = await own.sign(payload(id, "expert3"));
    expect(
      failure(() => signOff(ctx.expert3, id, { ...opinion, manifestHash, ...good, publicKey: { ...good.publicKey, d: "AAAA" } })),
    ).toEqual({ status: 400, key: "signing.badKey" });
    expect(failure(() => signOff(ctx.expert3, id, { ...opinion, manifestHash, signature: good.signature }))).toEqual({
      status: 400,
      key: "signing.incomplete",
    });
    expect(failure(() => signOff(ctx.expert3, id, { ...opinion, manifestHash }, { requireBrowserSignature: true }))).toEqual({
      status: 400,
      key: "signing.incomplete",
    });
    expect(db.select().from(signoffs).where(eq(signoffs.reviewId, id)).all()).toHaveLength(0);
    // nothing refused registered a key
    expect(listOwnKeys(ctx.expert3)).toHaveLength(0);
    signOff(ctx.expert3, id, { ...opinion, manifestHash, ...good });
    expect(listOwnKeys(ctx.expert3)).toMatchObject([{ algorithm: "Ed25519", deviceLabel: "API" }]);
  });

  it("a second device registers a second key; a revoked key cannot sign and its old signatures stay shown", async () => {
    const first = await newDevice();
    const second = await newDevice("Ed25519");
    const a = newReview();
    signOff(ctx.expert4, a, { ...opinion, manifestHash, ...(await first.sign(payload(a, "expert4"))) });
    const b = newReview();
    signOff(ctx.expert4, b, { ...opinion, manifestHash, ...(await second.sign(payload(b, "expert4"))) });
    const keys = listOwnKeys(ctx.expert4);
    expect(keys.map((k) => k.algorithm).sort()).toEqual(["ECDSA-P256", "Ed25519"]);
    expect(failure(() => revokeKey(ctx.expert4, keys[0].id))?.status).toBe(403);
    const firstKey = keys.find((k) => k.algorithm === "ECDSA-P256")!;
    revokeKey(ctx.admin, firstKey.id);
    expect(
      db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "signing_key.revoke"))
        .all()
        .map((e) => e.entityId),
    ).toContain(firstKey.id);
    expect(listAllKeys(ctx.admin).find((k) => k.id === firstKey.id)?.revokedAt).toBeTruthy();
    const c = newReview();
    const refused = await first.sign(payload(c, "expert4"));
    expect(failure(() => signOff(ctx.expert4, c, { ...opinion, manifestHash, ...refused }))).toEqual({
      status: 403,
      key: "signing.keyRevoked",
    });
    // the signature made before the revocation still verifies and says when the key was revoked
    const shown = getReview(ctx.expert4, a).panel.find((p) => p.expert.username === "expert4")!.signoff!;
    expect(shown).toMatchObject({ valid: true, browser: { verifies: true, algorithm: "ECDSA-P256" } });
    expect(shown.browser?.keyRevokedAt).toBeTruthy();
    expect(verifyIntegrity(db).ok).toBe(true);
  });
});

describe("what counts", () => {
  it("the quorum counts only signatures that verify; audit:verify names a changed signature", async () => {
    const id = newReview(2);
    const d2 = await newDevice();
    const d3 = await newDevice("Ed25519");
    const local = await Promise.all([ctxFor(db, "expert2"), ctxFor(db, "expert3")]);
    signOff(local[0], id, { ...opinion, manifestHash, ...(await d2.sign(payload(id, "expert2"))) });
    signOff(local[1], id, { ...opinion, manifestHash, ...(await d3.sign(payload(id, "expert3"))) });
    expect(getReview(ctx.expert1, id).status).toBe("quorum_reached");
    // a signature replaced behind the portal's back (its digest still matches the row's content)
    const row = db
      .select()
      .from(signoffs)
      .where(eq(signoffs.expertId, userId(db, "expert3")))
      .all()
      .find((s) => s.reviewId === id)!;
    const other = await d3.signText("something else");
    db.update(signoffs).set({ signature: other }).where(eq(signoffs.id, row.id)).run();
    const review = getReview(ctx.expert1, id);
    expect(review.status).toBe("open");
    expect(review.panel.find((p) => p.expert.username === "expert3")?.signoff).toMatchObject({
      valid: false,
      browser: { verifies: false },
    });
    expect(failure(() => concludeReview(ctx.expert1, id, { conclusion: "approve", opinion: "通过。" }))).toEqual({
      status: 409,
      key: "review.quorumNotReached",
    });
    const result = verifyIntegrity(db);
    expect(result.ok).toBe(false);
    expect(result.firstBrokenSignoffId).toBe(`signoffs:${row.id}`);
    db.update(signoffs).set({ signature: row.signature }).where(eq(signoffs.id, row.id)).run();
    expect(verifyIntegrity(db).ok).toBe(true);
  });

  it("the chair's 修改后通过 needs conditions and is signed like a sign-off", async () => {
    const id = newReview(1);
    const chairDevice = await newDevice();
    signOff(ctx.expert1, id, { ...opinion, manifestHash, ...(await chairDevice.sign(payload(id, "expert1"))) });
    const panel = { conclusion: "approve_with_changes", opinion: "专家组同意修改完善后报批。" };
    const signed = await chairDevice.sign(payload(id, "expert1", "conclusion", panel));
    expect(failure(() => concludeReview(ctx.expert1, id, { ...panel, conditions: ["  ", ""], ...signed }))).toEqual({
      status: 400,
      key: "review.conditionsRequired",
    });
    // signed as a sign-off, not as a conclusion: refused
    const wrongKind = await chairDevice.sign(payload(id, "expert1", "signoff", panel));
    expect(failure(() => concludeReview(ctx.expert1, id, { ...panel, conditions: ["补充用水分析。"], ...wrongKind }))).toEqual({
      status: 400,
      key: "signing.badSignature",
    });
    concludeReview(ctx.expert1, id, { ...panel, conditions: "补充生态用水保障分析。\n\n细化实施时序。", ...signed });
    const json = reviewJson(ctx.drafter, id);
    expect(json.panelConclusion).toMatchObject({
      conclusion: "approve_with_changes",
      conditions: ["补充生态用水保障分析。", "细化实施时序。"],
      valid: true,
      signature: signed.signature,
      signatureVerifies: true,
    });
    expect(verifyIntegrity(db).ok).toBe(true);

    // the confirmation on a later edition of the same document is signed the same way, over that edition's hashes
    const all = db.select().from(editions).all();
    const reviewed = all
      .filter((e) => all.some((o) => o.documentId === e.documentId && o.publishedAt > e.publishedAt))
      .sort((x, y) => x.publishedAt.getTime() - y.publishedAt.getTime())[0];
    const later = all.find((e) => e.documentId === reviewed.documentId && e.publishedAt > reviewed.publishedAt)!;
    const rid = createReview(ctx.admin, reviewed.id, {
      title: "确认测试",
      expertUserIds: [userId(db, "expert1")],
      chairUserId: userId(db, "expert1"),
      quorum: 1,
    }).id;
    const onEdition = (e: typeof reviewed) => ({
      reviewId: rid,
      signerId: userId(db, "expert1"),
      manifestHash: e.manifestHash,
      manifestSm3: editionSm3(db, e.id),
    });
    signOff(ctx.expert1, rid, {
      ...opinion,
      manifestHash: reviewed.manifestHash,
      ...(await chairDevice.sign({ ...onEdition(reviewed), kind: "signoff", ...opinion })),
    });
    concludeReview(ctx.expert1, rid, {
      ...panel,
      conditions: ["补充用水分析。"],
      ...(await chairDevice.sign({ ...onEdition(reviewed), kind: "conclusion", ...panel })),
    });
    const confirmation = { ...onEdition(later), kind: "confirmation" as const, conclusion: "approve_with_changes", opinion: "" };
    // signed over the reviewed edition's hashes instead of the confirmed one's: refused
    const wrong = await chairDevice.sign({ ...confirmation, ...onEdition(reviewed) });
    expect(failure(() => confirmReviewChanges(ctx.expert1, rid, { editionId: later.id, ...wrong }))).toEqual({
      status: 400,
      key: "signing.badSignature",
    });
    const ok = await chairDevice.sign(confirmation);
    confirmReviewChanges(ctx.expert1, rid, { editionId: later.id, ...ok });
    expect(reviewJson(ctx.drafter, rid).confirmations).toEqual([
      expect.objectContaining({ editionId: later.id, valid: true, signature: ok.signature, signatureVerifies: true }),
    ]);
    expect(verifyIntegrity(db).ok).toBe(true);
  });

  it("records from before browser keys still show, checked by their signature digest", () => {
    const demo = db
      .select()
      .from(signoffs)
      .all()
      .find((s) => s.signature === null)!;
    const review = getReview(ctx.drafter, demo.reviewId);
    const shown = review.panel.find((p) => p.signoff && p.expert.id === demo.expertId)!.signoff!;
    expect(shown).toMatchObject({ valid: true, browser: null, signatureHash: demo.signatureHash });
  });
});
