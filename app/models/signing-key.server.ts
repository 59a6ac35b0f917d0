// Keys registered from users' browsers, and the check of every signature made with one. The private
// key never reaches the server: a signature the server cannot verify with the signer's own,
// unrevoked key is refused, so the server cannot sign in an expert's name.
import { asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "~db/client";
import { editionSections, editions, signingKeys, users } from "~db/schema";
import { jwkFingerprint, parsePublicJwk, type PublicJwk, verifyBrowserSignature } from "../lib/hash/browser-signature";
import { manifestSm3 } from "../lib/hash/revision-hash";
import { type SigningPayload, signingPayload } from "../lib/hash/signing-payload";
import { canonicalJson } from "../lib/hash/canonical-json";
import { newId } from "../lib/id";
import { isoShanghai } from "../lib/time";
import { forbidden, invalid, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { editionTablesOf } from "./plan-tables.server";
import { bindRow } from "./row-binding.server";

/** How far a signer's clock may be from the server's. */
export const SIGNED_AT_TOLERANCE_MS = 10 * 60 * 1000;

/** The fields a signed POST adds (all three, or none for a record without a browser signature). */
export const signatureFields = z.object({
  signedAt: z.string().max(40).optional(),
  publicKey: z.unknown().optional(),
  signature: z.string().max(200).optional(),
  deviceLabel: z.string().trim().max(100).optional(),
});
export type SignatureFields = z.infer<typeof signatureFields>;

/** The browser-signature fields of a request; the review page always sends them. */
export function signedFields(input: unknown, required: boolean) {
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

/** The edition's SM3 digest (over the same canonical bytes as its manifestHash). */
export function editionSm3(db: DbOrTx, editionId: string): string {
  const e = db.select({ documentId: editions.documentId, label: editions.label }).from(editions).where(eq(editions.id, editionId)).get();
  if (!e) throw notFound();
  const manifest = db
    .select()
    .from(editionSections)
    .where(eq(editionSections.editionId, editionId))
    .orderBy(asc(editionSections.position))
    .all();
  return manifestSm3(e.documentId, e.label, manifest, editionTablesOf(db, editionId));
}

/** The ISO form the payload carries, back from the stored time (the signer must send exactly this form). */
export const signedAtIso = (d: Date) => d.toISOString();

/**
 * Checks a browser signature over `payload` (without signedAt, which comes from the request) and
 * registers the key on first use (audited). Returns what the record stores; without any signature
 * field the record is made as before (signedAt = now, no browser signature).
 */
export function acceptSignature(
  tx: DbOrTx,
  user: Ctx["user"],
  payload: Omit<SigningPayload, "signedAt">,
  fields: SignatureFields,
  now = new Date(),
) {
  const { signedAt, publicKey, signature } = fields;
  if (signedAt === undefined && publicKey === undefined && signature === undefined)
    return { signedAt: now, signingKeyId: null, signature: null };
  if (!signedAt || !publicKey || !signature) throw invalid([{ path: "signature", message: "signing.incomplete" }], "signing.incomplete");
  const at = new Date(signedAt);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== signedAt)
    throw invalid([{ path: "signedAt", message: "signing.badTime" }], "signing.badTime");
  if (Math.abs(at.getTime() - now.getTime()) > SIGNED_AT_TOLERANCE_MS)
    throw invalid([{ path: "signedAt", message: "signing.clockSkew" }], "signing.clockSkew");
  const parsed = parsePublicJwk(publicKey);
  if (!parsed) throw invalid([{ path: "publicKey", message: "signing.badKey" }], "signing.badKey");
  const fingerprint = jwkFingerprint(parsed.jwk);
  const known = tx.select().from(signingKeys).where(eq(signingKeys.fingerprint, fingerprint)).get();
  if (known && known.userId !== user.id) throw forbidden("signing.keyOfOther");
  if (known?.revokedAt) throw forbidden("signing.keyRevoked");
  if (!verifyBrowserSignature(parsed.jwk, signingPayload({ ...payload, signedAt }), signature))
    throw invalid([{ path: "signature", message: "signing.badSignature" }], "signing.badSignature");
  let keyId = known?.id;
  if (!keyId) {
    keyId = newId("key");
    const deviceLabel = fields.deviceLabel || "API";
    tx.insert(signingKeys)
      .values({
        id: keyId,
        userId: user.id,
        algorithm: parsed.algorithm,
        publicKeyJwk: canonicalJson(parsed.jwk),
        fingerprint,
        deviceLabel,
      })
      .run();
    recordAudit(tx, {
      actorId: user.id,
      action: "signing_key.register",
      entityType: "signing_key",
      entityId: keyId,
      data: { algorithm: parsed.algorithm, fingerprint, deviceLabel },
      bound: [bindRow(tx, "signing_keys", keyId)],
    });
  }
  return { signedAt: at, signingKeyId: keyId, signature };
}

export type KeyInfo = { id: string; userId: string; algorithm: string; fingerprint: string; jwk: PublicJwk; revokedAt: string | null };

/** The keys with these ids, by id. */
export function keysById(db: DbOrTx, ids: (string | null)[]): Map<string, KeyInfo> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  return new Map(
    db
      .select()
      .from(signingKeys)
      .where(inArray(signingKeys.id, wanted))
      .all()
      .map((k) => [
        k.id,
        {
          id: k.id,
          userId: k.userId,
          algorithm: k.algorithm,
          fingerprint: k.fingerprint,
          jwk: JSON.parse(k.publicKeyJwk) as PublicJwk,
          revokedAt: k.revokedAt ? isoShanghai(k.revokedAt) : null,
        },
      ]),
  );
}

/**
 * Whether a stored record's browser signature verifies: made by the record's signer with a key
 * registered to them, over the payload rebuilt from the record. A key revoked later does not undo it.
 */
export function storedSignatureVerifies(
  key: KeyInfo | undefined,
  signerId: string,
  payload: Omit<SigningPayload, "signedAt">,
  signedAt: Date,
  signature: string,
): boolean {
  return (
    !!key &&
    key.userId === signerId &&
    verifyBrowserSignature(key.jwk, signingPayload({ ...payload, signedAt: signedAtIso(signedAt) }), signature)
  );
}

const keyView = (k: typeof signingKeys.$inferSelect) => ({
  id: k.id,
  algorithm: k.algorithm,
  fingerprint: k.fingerprint,
  deviceLabel: k.deviceLabel,
  createdAt: isoShanghai(k.createdAt),
  revokedAt: k.revokedAt ? isoShanghai(k.revokedAt) : null,
});

/** The caller's own keys (one per device), newest first. */
export function listOwnKeys(ctx: Ctx) {
  return ctx.db
    .select()
    .from(signingKeys)
    .where(eq(signingKeys.userId, ctx.user.id))
    .orderBy(desc(signingKeys.createdAt))
    .all()
    .map(keyView);
}

/** Every registered key with its owner (admins). */
export function listAllKeys(ctx: Ctx) {
  if (!can(ctx.user, "manage:user:any")) throw forbidden();
  return ctx.db
    .select({ k: signingKeys, username: users.username, name: users.displayName })
    .from(signingKeys)
    .innerJoin(users, eq(signingKeys.userId, users.id))
    .orderBy(asc(users.username), desc(signingKeys.createdAt))
    .all()
    .map(({ k, username, name }) => ({ ...keyView(k), owner: { username, name } }));
}

/** An admin revokes a key (a lost or replaced device): it signs nothing more; what it signed stays. */
export function revokeKey(ctx: Ctx, keyId: string) {
  if (!can(ctx.user, "manage:user:any")) throw forbidden();
  return ctx.db.transaction((tx) => {
    const k = tx.select().from(signingKeys).where(eq(signingKeys.id, keyId)).get();
    if (!k) throw notFound();
    if (k.revokedAt) return { id: k.id, revokedAt: isoShanghai(k.revokedAt) };
    const revokedAt = new Date();
    tx.update(signingKeys).set({ revokedAt, revokedById: ctx.user.id }).where(eq(signingKeys.id, keyId)).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "signing_key.revoke",
      entityType: "signing_key",
      entityId: keyId,
      data: { fingerprint: k.fingerprint, userId: k.userId },
      bound: [bindRow(tx, "signing_keys", keyId)],
    });
    return { id: k.id, revokedAt: isoShanghai(revokedAt) };
  });
}
