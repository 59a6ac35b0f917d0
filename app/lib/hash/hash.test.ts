import { describe, expect, it } from "vitest";
import { auditEventHash, firstBrokenLink, GENESIS_HASH, type AuditLink } from "./audit-chain";
import { canonicalJson } from "./canonical-json";
import { manifestHash, revisionHash } from "./revision-hash";

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
  it("gives equal strings for equal values built in different key orders", () => {
    expect(canonicalJson({ x: "生态", y: [true, null] })).toBe(canonicalJson({ y: [true, null], x: "生态" }));
  });
  it("refuses non-finite numbers", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  });
});

describe("revisionHash / manifestHash", () => {
  const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "祁连山" }] }] };
  it("changes when the text or the content changes", () => {
    const h = revisionHash("祁连山", doc);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(revisionHash("祁连山。", doc)).not.toBe(h);
    expect(revisionHash("祁连山", { ...doc, content: [] })).not.toBe(h);
  });
  it("depends on section order", () => {
    const a = { sectionId: "s1", revisionId: "r1", hash: "h1" };
    const b = { sectionId: "s2", revisionId: "r2", hash: "h2" };
    expect(manifestHash("d", "征求意见稿", [a, b])).not.toBe(manifestHash("d", "征求意见稿", [b, a]));
    expect(manifestHash("d", "征求意见稿", [a, b])).toBe(manifestHash("d", "征求意见稿", [{ ...a }, { ...b }]));
  });
});

describe("audit chain", () => {
  function chain(n: number): AuditLink[] {
    const out: AuditLink[] = [];
    let prev = GENESIS_HASH;
    for (let i = 1; i <= n; i++) {
      const base = { id: i, at: 1000 + i, actorId: "u1", action: "x", entityType: "t", entityId: `e${i}`, data: "{}", prevHash: prev };
      const hash = auditEventHash(base);
      out.push({ ...base, hash });
      prev = hash;
    }
    return out;
  }
  it("accepts an intact chain", () => expect(firstBrokenLink(chain(5))).toBeNull());
  it("names the first edited event", () => {
    const c = chain(5);
    c[2] = { ...c[2], data: '{"tampered":true}' };
    expect(firstBrokenLink(c)).toBe(3);
  });
  it("names the event after a deleted one", () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(firstBrokenLink(c)).toBe(3);
  });
});
