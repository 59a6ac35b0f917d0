import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import { jwkFingerprint, parsePublicJwk, verifyBrowserSignature } from "./browser-signature";
import { fromBase64Url, signingPayload, toBase64Url } from "./signing-payload";

const subtle = webcrypto.subtle;
const payload = {
  reviewId: "rvw_1",
  signerId: "usr_1",
  kind: "signoff" as const,
  conclusion: "approve",
  opinion: "同意通过。",
  manifestHash: "a".repeat(64),
  manifestSm3: "b".repeat(64),
  signedAt: "2026-12-02T06:00:00.000Z",
};

async function keyPair(alg: "Ed25519" | "P-256") {
  const params = alg === "Ed25519" ? { name: "Ed25519" } : { name: "ECDSA", namedCurve: "P-256" };
  const pair = (await subtle.generateKey(params, true, ["sign", "verify"])) as webcrypto.CryptoKeyPair;
  const jwk = await subtle.exportKey("jwk", pair.publicKey);
  const sign = async (text: string) =>
    toBase64Url(
      new Uint8Array(
        await subtle.sign(
          alg === "Ed25519" ? { name: "Ed25519" } : { name: "ECDSA", hash: "SHA-256" },
          pair.privateKey,
          new TextEncoder().encode(text),
        ),
      ),
    );
  return { pair, jwk, sign };
}

it("builds the payload as canonical JSON: sorted keys, no whitespace, nothing else", () => {
  const text = signingPayload({ ...payload, extra: "x" } as typeof payload);
  expect(text).toBe(
    `{"conclusion":"approve","kind":"signoff","manifestHash":"${"a".repeat(64)}","manifestSm3":"${"b".repeat(64)}","opinion":"同意通过。","reviewId":"rvw_1","signedAt":"2026-12-02T06:00:00.000Z","signerId":"usr_1"}`,
  );
});

it("round-trips base64url and refuses other alphabets", () => {
  const bytes = Uint8Array.from([0, 250, 251, 252, 253, 254, 255]);
  expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  expect(toBase64Url(bytes)).not.toMatch(/[+/=]/);
  expect(fromBase64Url("ab+/")).toBeNull();
});

describe.each(["Ed25519", "P-256"] as const)("%s", (alg) => {
  it("verifies a browser signature and refuses a tampered opinion or a wrong key", async () => {
    const { jwk, sign } = await keyPair(alg);
    const parsed = parsePublicJwk(jwk);
    expect(parsed?.algorithm).toBe(alg === "Ed25519" ? "Ed25519" : "ECDSA-P256");
    const text = signingPayload(payload);
    const signature = await sign(text);
    expect(verifyBrowserSignature(parsed!.jwk, text, signature)).toBe(true);
    expect(verifyBrowserSignature(parsed!.jwk, signingPayload({ ...payload, opinion: "不同意。" }), signature)).toBe(false);
    expect(verifyBrowserSignature(parsed!.jwk, signingPayload({ ...payload, signedAt: "2026-12-02T06:00:00.001Z" }), signature)).toBe(
      false,
    );
    const other = await keyPair(alg);
    expect(verifyBrowserSignature(parsePublicJwk(other.jwk)!.jwk, text, signature)).toBe(false);
    expect(verifyBrowserSignature(parsed!.jwk, text, "not base64url!")).toBe(false);
    expect(verifyBrowserSignature(parsed!.jwk, text, "")).toBe(false);
  });

  it("refuses a private JWK and keeps only the public members", async () => {
    const { pair, jwk } = await keyPair(alg);
    const privateJwk = await subtle.exportKey("jwk", pair.privateKey);
    expect(privateJwk.d).toBeTruthy();
    expect(parsePublicJwk(privateJwk)).toBeNull();
    const parsed = parsePublicJwk({ ...jwk, key_ops: ["verify"], ext: true });
    expect(Object.keys(parsed!.jwk).sort()).toEqual(alg === "Ed25519" ? ["crv", "kty", "x"] : ["crv", "kty", "x", "y"]);
    expect(jwkFingerprint(parsed!.jwk)).toMatch(/^[0-9a-f]{64}$/);
    expect(jwkFingerprint(parsePublicJwk(jwk)!.jwk)).toBe(jwkFingerprint(parsed!.jwk));
  });
});

it("refuses other key types and malformed keys", async () => {
  const rsa = (await subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  )) as webcrypto.CryptoKeyPair;
  expect(parsePublicJwk(await subtle.exportKey("jwk", rsa.publicKey))).toBeNull();
  expect(parsePublicJwk({ kty: "EC", crv: "P-384", x: "a".repeat(64), y: "a".repeat(64) })).toBeNull();
  expect(parsePublicJwk({ kty: "EC", crv: "P-256", x: "A".repeat(43), y: "A".repeat(43) })).toBeNull(); // not on the curve
  expect(parsePublicJwk("x")).toBeNull();
  expect(parsePublicJwk(null)).toBeNull();
});
