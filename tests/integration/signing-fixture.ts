// A device's signing key made in the test (node:crypto's WebCrypto, as a browser would), and the
// fields a signed POST adds for it.
import { webcrypto } from "node:crypto";
import { type SigningPayload, signingPayload, toBase64Url } from "../../app/lib/hash/signing-payload";

export type Device = Awaited<ReturnType<typeof newDevice>>;

export async function newDevice(alg: "Ed25519" | "P-256" = "P-256") {
  const params = alg === "Ed25519" ? { name: "Ed25519" } : { name: "ECDSA", namedCurve: "P-256" };
  const pair = (await webcrypto.subtle.generateKey(params, false, ["sign", "verify"])) as webcrypto.CryptoKeyPair;
  const publicKey = await webcrypto.subtle.exportKey("jwk", pair.publicKey);
  const signText = async (text: string) =>
    toBase64Url(
      new Uint8Array(
        await webcrypto.subtle.sign(
          alg === "Ed25519" ? { name: "Ed25519" } : { name: "ECDSA", hash: "SHA-256" },
          pair.privateKey,
          new TextEncoder().encode(text),
        ),
      ),
    );
  /** {signedAt, publicKey, signature} over the payload (signedAt now unless given). */
  const sign = async (p: Omit<SigningPayload, "signedAt">, signedAt = new Date().toISOString()) => ({
    signedAt,
    publicKey,
    signature: await signText(signingPayload({ ...p, signedAt })),
  });
  return { publicKey, sign, signText };
}
