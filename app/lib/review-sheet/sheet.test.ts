import { expect, it } from "vitest";
import { compareSheet, conclusionRows, infoRows, type SheetData, SIGNOFF_HEADER, shownTime, signoffCells } from "./sheet";

const rec = (id: string, name: string, opinion: string) => ({
  id,
  signerId: `u_${id}`,
  signerName: name,
  conclusion: "approve",
  opinion,
  signedAt: "2026-12-02T06:00:00.000Z",
  signatureHash: "c".repeat(64),
  signature: "sig",
  key: { algorithm: "Ed25519", fingerprint: "f".repeat(64), jwk: { kty: "OKP", crv: "Ed25519", x: "x" }, revokedAt: null },
  verifies: true,
});
const data: SheetData = {
  version: 1,
  reviewId: "rvw_1",
  title: "审查",
  documentTitle: "规划文本",
  editionId: "edn_1",
  editionLabel: "送审稿",
  manifestHash: "a".repeat(64),
  manifestSm3: "b".repeat(64),
  signoffs: [rec("s1", "甲", "同意。"), rec("s2", "乙", "第一段。\n第二段。")],
  conclusion: { ...rec("c", "甲", "修改后通过。"), conclusion: "approve_with_changes", conditions: ["补充分析。"] },
};
const visible = (d: SheetData) => [infoRows(d), [SIGNOFF_HEADER, ...d.signoffs.map(signoffCells)], conclusionRows(d.conclusion!)];

it("shows times in Asia/Shanghai", () => {
  expect(shownTime("2026-12-02T06:00:00.000Z")).toBe("2026-12-02 14:00:00");
});

it("matches an untouched sheet, tolerating Word's whitespace", () => {
  const tables = visible(data);
  tables[1][2][3] = " 第一段。 \n\n第二段。";
  expect(compareSheet(data, data, tables).every((l) => l.ok)).toBe(true);
});

it("names the line whose visible opinion, embedded data or signature differ", () => {
  const tables = visible(data);
  tables[1][2][3] = "第一段。\n第二段（改）。";
  const lines = compareSheet(data, { ...data, conclusion: { ...data.conclusion!, conditions: [] } }, tables);
  expect(lines.filter((l) => !l.ok).map((l) => [l.name, l.reasons])).toEqual([
    ["乙", [{ key: "text", field: "opinion" }]],
    ["甲", [{ key: "data" }]],
  ]);
  const unverified = { ...data, signoffs: [data.signoffs[0], { ...data.signoffs[1], verifies: false }] };
  expect(compareSheet(unverified, data, visible(data))[2].reasons).toEqual([{ key: "signature" }]);
});

it("reports rows missing from the sheet and rows the record does not have", () => {
  const short = { ...data, signoffs: [data.signoffs[0]] };
  const lines = compareSheet(data, short, visible(short));
  expect(lines[2]).toMatchObject({ name: "乙", ok: false });
  expect(lines[2].reasons.map((r) => r.key)).toContain("missing");
  const extra = compareSheet(short, data, visible(data));
  expect(extra.find((l) => l.reasons.some((r) => r.key === "extra"))?.name).toBe("乙");
});
