import { expect, it } from "vitest";
import { confirmationSignatureHash, signatureHash } from "./signature";

const base = {
  reviewId: "rvw_1",
  signerId: "usr_1",
  kind: "expert" as const,
  conclusion: "approve",
  opinion: "同意通过。",
  manifestHash: "a".repeat(64),
  signedAt: 1_700_000_000_000,
};

it("binds every field of a signed opinion", () => {
  const h = signatureHash(base);
  expect(h).toMatch(/^[0-9a-f]{64}$/);
  expect(signatureHash({ ...base })).toBe(h);
  for (const change of [
    { opinion: "同意通过" },
    { conclusion: "reject" },
    { manifestHash: "b".repeat(64) },
    { signedAt: base.signedAt + 1 },
    { signerId: "usr_2" },
    { kind: "panel" as const },
  ]) {
    expect(signatureHash({ ...base, ...change })).not.toBe(h);
  }
});

it("binds a chair's confirmation to the confirmed edition's hash", () => {
  const c = { reviewId: "rvw_1", chairId: "usr_1", manifestHash: "a".repeat(64), signedAt: new Date(1_700_000_000_000) };
  const h = confirmationSignatureHash(c);
  expect(h).toBe(
    signatureHash({
      reviewId: "rvw_1",
      signerId: "usr_1",
      kind: "confirmation",
      conclusion: "approve_with_changes",
      opinion: "",
      manifestHash: "a".repeat(64),
      signedAt: 1_700_000_000_000,
    }),
  );
  expect(confirmationSignatureHash({ ...c, manifestHash: "b".repeat(64) })).not.toBe(h);
});
