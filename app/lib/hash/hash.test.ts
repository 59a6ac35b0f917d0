import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditEventHash, firstBrokenLink, GENESIS_HASH, type AuditLink } from "./audit-chain";
import { canonicalJson } from "./canonical-json";
import { manifestCanonical, manifestHash, revisionHash } from "./revision-hash";

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
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

describe("manifestHash with plan tables", () => {
  const sections = [{ sectionId: "s1", revisionId: "r1", hash: "h1" }];
  const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
  it("keeps the original recipe exactly for an edition without tables", () => {
    // the bytes as written before tables existed: earlier editions' hashes still verify
    expect(manifestCanonical("d", "征求意见稿", sections)).toBe(
      '{"documentId":"d","label":"征求意见稿","sections":[{"hash":"h1","revisionId":"r1","sectionId":"s1"}]}',
    );
    expect(manifestHash("d", "征求意见稿", sections, [])).toBe(
      sha('{"documentId":"d","label":"征求意见稿","sections":[{"hash":"h1","revisionId":"r1","sectionId":"s1"}]}'),
    );
  });
  it("covers the tables' kinds and hashes when there are any", () => {
    const tables = [
      { kind: "indicators", hash: "t1" },
      { kind: "projects", hash: "t2" },
    ];
    expect(manifestHash("d", "送审稿", sections, tables)).toBe(sha(canonicalJson({ documentId: "d", label: "送审稿", sections, tables })));
    expect(manifestCanonical("d", "送审稿", sections, tables)).toContain(
      '"tables":[{"hash":"t1","kind":"indicators"},{"hash":"t2","kind":"projects"}]',
    );
    expect(manifestHash("d", "送审稿", sections, tables)).not.toBe(manifestHash("d", "送审稿", sections));
    expect(manifestHash("d", "送审稿", sections, [{ kind: "indicators", hash: "t1x" }, tables[1]])).not.toBe(
      manifestHash("d", "送审稿", sections, tables),
    );
    // only kind and hash count (content and placement travel with the table, whose hash covers the content)
    expect(
      manifestHash(
        "d",
        "送审稿",
        sections,
        tables.map((t) => ({ ...t, sectionId: "elsewhere" })),
      ),
    ).toBe(manifestHash("d", "送审稿", sections, tables));
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
