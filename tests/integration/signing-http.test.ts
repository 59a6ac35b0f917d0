// Browser signatures over HTTP (the built server): a script signs as the contract says; a tampered
// opinion is 400, a revoked key 403; the quorum counts only signatures that verify; the sheet .docx.
import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "~db/client";
import { plans, signingKeys, signoffs } from "~db/schema";
import { startServer, type TestServer } from "./server";
import { type Device, newDevice } from "./signing-fixture";

let s: TestServer;
let db: Db;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let review: { id: string; manifestHash: string; manifestSm3: string };

beforeAll(async () => {
  s = await startServer();
  db = openDatabase(s.dbFile);
  for (const u of ["drafter", "admin", "expert1", "expert2", "expert3", "expert4", "expert5", "gaotai"]) {
    cookies[u] = await s.loginAs(u);
    ids[u] = (await (await s.get("/api/v1/me", cookies[u])).json()).id;
  }
  const city = db.select().from(plans).where(eq(plans.level, "city")).get()!;
  const reviewId = (await (await s.get(`/api/v1/plans/${city.id}`, cookies.drafter)).json()).reviews[0].id;
  review = await (await s.get(`/api/v1/reviews/${reviewId}`, cookies.drafter)).json();
}, 60_000);
afterAll(() => {
  db?.$client.close();
  s?.stop();
});

const opinion = { conclusion: "approve", opinion: "同意通过。" };
const payloadFor = (who: string, o = opinion, kind: "signoff" | "conclusion" = "signoff") => ({
  reviewId: review.id,
  signerId: ids[who],
  kind,
  ...o,
  manifestHash: review.manifestHash,
  manifestSm3: review.manifestSm3,
});
const signoff = (who: string, body: unknown) => s.send("POST", `/api/v1/reviews/${review.id}/signoffs`, cookies[who], body);

describe("signing through the API", () => {
  const devices: Record<string, Device> = {};
  beforeAll(async () => {
    for (const u of ["expert1", "expert2", "expert3", "expert4", "expert5"])
      devices[u] = await newDevice(u === "expert3" ? "Ed25519" : "P-256");
  });

  it("GET /api/v1/reviews/:id gives manifestSm3 for the payload", () => {
    expect(review.manifestSm3).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a valid signature → 201; the review gives its signature and public key", async () => {
    const signed = await devices.expert2.sign(payloadFor("expert2"));
    const res = await signoff("expert2", { ...opinion, manifestHash: review.manifestHash, ...signed });
    expect(res.status).toBe(201);
    const json = await (await s.get(`/api/v1/reviews/${review.id}`, cookies.drafter)).json();
    expect(json.signoffs).toEqual([
      expect.objectContaining({
        expert: expect.objectContaining({ username: "expert2" }),
        valid: true,
        signature: signed.signature,
        publicKey: { kty: "EC", crv: "P-256", x: signed.publicKey.x, y: signed.publicKey.y },
      }),
    ]);
  });

  it("a tampered opinion, a bad base64url signature, a clock 11 minutes off → 400; nothing signed", async () => {
    const signed = await devices.expert3.sign(payloadFor("expert3"));
    for (const body of [
      { ...opinion, opinion: "同意通过！", manifestHash: review.manifestHash, ...signed },
      { ...opinion, manifestHash: review.manifestHash, ...signed, signature: "***" },
      {
        ...opinion,
        manifestHash: review.manifestHash,
        ...(await devices.expert3.sign(payloadFor("expert3"), new Date(Date.now() + 11 * 60_000).toISOString())),
      },
    ]) {
      const res = await signoff("expert3", body);
      expect(res.status).toBe(400);
    }
    expect(
      db
        .select()
        .from(signoffs)
        .where(eq(signoffs.expertId, ids.expert3))
        .all()
        .filter((x) => x.reviewId === review.id),
    ).toHaveLength(0);
  });

  it("a revoked key → 403; a new device's key signs", async () => {
    // expert4 registers a key on another review's first use: sign here with it, then revoke it
    const first = await devices.expert4.sign(payloadFor("expert4"));
    const keyRes = await signoff("expert4", {
      ...opinion,
      manifestHash: review.manifestHash,
      ...first,
      signature: first.signature.replace(/^./, (c) => (c === "A" ? "B" : "A")),
    });
    expect(keyRes.status).toBe(400);
    const { keyId } = await registerThenRevoke("expert4", devices.expert4);
    expect(keyId).toMatch(/^key_/);
    const again = await devices.expert4.sign(payloadFor("expert4"));
    const refused = await signoff("expert4", { ...opinion, manifestHash: review.manifestHash, ...again });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain("吊销");
    const fresh = await newDevice("Ed25519");
    expect(
      (await signoff("expert4", { ...opinion, manifestHash: review.manifestHash, ...(await fresh.sign(payloadFor("expert4"))) })).status,
    ).toBe(201);
  });

  it("the quorum counts only signatures that verify", async () => {
    for (const u of ["expert3", "expert5"])
      expect((await signoff(u, { ...opinion, manifestHash: review.manifestHash, ...(await devices[u].sign(payloadFor(u))) })).status).toBe(
        201,
      );
    let json = await (await s.get(`/api/v1/reviews/${review.id}`, cookies.drafter)).json();
    expect(json.status).toBe("quorum_reached");
    // one stored signature swapped behind the portal's back: that sign-off no longer counts
    const row = db
      .select()
      .from(signoffs)
      .where(eq(signoffs.expertId, ids.expert5))
      .all()
      .find((x) => x.reviewId === review.id)!;
    db.update(signoffs)
      .set({ signature: await devices.expert5.signText("other bytes") })
      .where(eq(signoffs.id, row.id))
      .run();
    json = await (await s.get(`/api/v1/reviews/${review.id}`, cookies.drafter)).json();
    expect(json.status).toBe("open");
    expect(json.signoffs.find((x: { expert: { username: string } }) => x.expert.username === "expert5")).toMatchObject({
      valid: false,
      signatureVerifies: false,
    });
    const panel = { conclusion: "approve", opinion: "专家组同意。" };
    const conclusion = await s.send("POST", `/api/v1/reviews/${review.id}/conclusion`, cookies.expert1, {
      ...panel,
      ...(await devices.expert1.sign(payloadFor("expert1", panel, "conclusion"))),
    });
    expect(conclusion.status).toBe(409);
    db.update(signoffs).set({ signature: row.signature }).where(eq(signoffs.id, row.id)).run();
  });

  it("sheet.docx: a zip with word/document.xml naming the experts, the edition and both hashes; 404 for others", async () => {
    const res = await s.get(`/api/v1/reviews/${review.id}/sheet.docx`, cookies.drafter);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("wordprocessingml");
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = await zip.file("word/document.xml")!.async("string");
    for (const text of ["专家评审意见表", review.manifestHash, review.manifestSm3, "同意通过。", "ECDSA-P256", "Ed25519"])
      expect(xml).toContain(text);
    const names = await (await s.get(`/api/v1/reviews/${review.id}`, cookies.drafter)).json();
    expect(names.signoffs).toHaveLength(4);
    expect((await s.get(`/api/v1/reviews/${review.id}/sheet.docx`, cookies.gaotai)).status).toBe(404);
    expect((await s.get(`/api/v1/reviews/${review.id}/sheet.docx`)).status).toBe(401);
  });

  async function registerThenRevoke(who: string, device: Device) {
    // the key registers on first successful use, on a review of its own made for the purpose
    const other = db.select().from(plans).where(eq(plans.level, "city")).get()!;
    const edition = (await (await s.get(`/api/v1/plans/${other.id}`, cookies.drafter)).json()).editions[0];
    const created = await (
      await s.send("POST", `/api/v1/editions/${edition.id}/reviews`, cookies.drafter, {
        title: "登记密钥",
        expertUserIds: [ids[who]],
        chairUserId: ids[who],
        quorum: 1,
      })
    ).json();
    const payload = { ...payloadFor(who), reviewId: created.id };
    expect(
      (
        await s.send("POST", `/api/v1/reviews/${created.id}/signoffs`, cookies[who], {
          ...opinion,
          manifestHash: review.manifestHash,
          ...(await device.sign(payload)),
        })
      ).status,
    ).toBe(201);
    const keyId = db.select().from(signingKeys).where(eq(signingKeys.userId, ids[who])).get()!.id;
    // the admin's keys page lists it with a revoke button
    expect(await (await fetch(`${s.base}/account/keys`, { headers: { Cookie: cookies.admin } })).text()).toContain(`data-key="${keyId}"`);
    const revoke = await fetch(`${s.base}/account/keys`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: s.base, Cookie: cookies.admin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ keyId, confirm: "yes" }),
    });
    expect(revoke.status).toBe(200);
    expect(db.select().from(signingKeys).where(eq(signingKeys.id, keyId)).get()!.revokedAt).toBeInstanceOf(Date);
    return { keyId };
  }
});
