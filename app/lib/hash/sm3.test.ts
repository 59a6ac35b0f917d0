import { describe, expect, it } from "vitest";
import { manifestCanonical, manifestHash, manifestSm3 } from "./revision-hash";
import { sha256Hex } from "./sha256";
import { sm3Hex } from "./sm3";

describe("SM3", () => {
  it("gives the test vectors of GB/T 32905-2016 (appendix A)", () => {
    expect(sm3Hex("abc")).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    expect(sm3Hex("abcd".repeat(16))).toBe("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  });
  it("hashes an edition's manifest over the very bytes its SHA-256 covers", () => {
    const sections = [{ sectionId: "sec1", revisionId: "rev1", hash: "a".repeat(64) }];
    const tables = [{ kind: "indicators" as const, hash: "b".repeat(64) }];
    const bytes = manifestCanonical("doc1", "征求意见稿", sections, tables);
    expect(manifestSm3("doc1", "征求意见稿", sections, tables)).toBe(sm3Hex(bytes));
    expect(manifestHash("doc1", "征求意见稿", sections, tables)).toBe(sha256Hex(bytes));
    expect(manifestSm3("doc1", "送审稿", sections, tables)).not.toBe(manifestSm3("doc1", "征求意见稿", sections, tables));
  });
});
