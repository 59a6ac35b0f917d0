// GET /api/v1/comments/:id?at= over HTTP on the hard cases: the commented passage deleted while the same
// words stand elsewhere (a twin → orphaned, never the twin), a moved paragraph (→ its new place), a
// duplicated paragraph (→ the occurrence the diff maps), a deleted passage (→ orphaned) and an edited
// one (→ changed, with the new wording). The revisions are made through the API (the domain functions).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

let s: TestServer;
let drafter = "";
let reviewer = "";
let documentId = "";
let roundId = "";
const sectionIds: string[] = [];
const firstRevision: Record<string, string> = {};

const doc = (paragraphs: string[]) => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

// each case: its section's text in the first edition, the passage commented on (the n-th occurrence), and the later text
const CASES = {
  twin: {
    before: [
      "全面加强生态修复，推进山水林田湖草沙一体化保护和系统治理。",
      "北部荒漠区以防风固沙为主，重点实施生态修复工程，恢复林草植被。",
    ],
    quote: "生态修复",
    occurrence: 1,
    after: ["全面加强生态修复，推进山水林田湖草沙一体化保护和系统治理。", "北部荒漠区以防风固沙为主，恢复林草植被。"],
  },
  moved: {
    before: [
      "祁连山区以水源涵养为主，实施封山育林和退化草原修复。",
      "黑河中游湿地以保护为主，严格控制地下水开采，恢复湿地水文连通。",
      "北部荒漠区以防风固沙为主，建设防护林带。",
    ],
    quote: "严格控制地下水开采，恢复湿地水文连通",
    occurrence: 0,
    after: [
      "祁连山区以水源涵养为主，实施封山育林和退化草原修复。",
      "北部荒漠区以防风固沙为主，建设防护林带。",
      "黑河中游湿地以保护为主，严格控制地下水开采，恢复湿地水文连通。",
    ],
  },
  duplicated: {
    before: ["近期重点推进历史遗留矿山生态修复。", "各县区应建立矿山修复台账，逐图斑落实责任主体。"],
    quote: "逐图斑落实责任主体",
    occurrence: 0,
    after: [
      "各县区应建立矿山修复台账，逐图斑落实责任主体。",
      "近期重点推进历史遗留矿山生态修复。",
      "各县区应建立矿山修复台账，逐图斑落实责任主体。",
    ],
  },
  deleted: {
    before: [
      "城镇生态修复以城市更新为抓手。",
      "滨河新区结合海绵城市建设增加绿色空间，打通城湿通道。",
      "乡村生态修复以全域土地综合整治为平台。",
    ],
    quote: "滨河新区结合海绵城市建设增加绿色空间，打通城湿通道。",
    occurrence: 0,
    after: ["城镇生态修复以城市更新为抓手。", "乡村生态修复以全域土地综合整治为平台。"],
  },
  edited: {
    before: ["到2025年，全市湿地保护率达到65%，森林覆盖率达到12.5%。"],
    quote: "全市湿地保护率达到65%",
    occurrence: 0,
    after: ["到2025年，全市湿地保护率达到66.5%，森林覆盖率达到12.5%。"],
  },
} as const;
type CaseName = keyof typeof CASES;
const names = Object.keys(CASES) as CaseName[];
const commentOf: Partial<Record<CaseName, string>> = {};
const laterRevision: Partial<Record<CaseName, string>> = {};

function nth(text: string, quote: string, n: number) {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(quote, at + 1);
  return at;
}

async function revise(sectionId: string, base: string, paragraphs: readonly string[]) {
  const res = await s.send("POST", `/api/v1/sections/${sectionId}/revisions`, drafter, {
    baseRevisionId: base,
    content: doc([...paragraphs]),
    note: "测试修订",
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; text: string };
}

beforeAll(async () => {
  s = await startServer();
  drafter = await s.loginAs("drafter");
  reviewer = await s.loginAs("ganzhou");
  const orgs: { id: string; name: string }[] = await (await s.get("/api/v1/organizations", drafter)).json();
  const planId = (await (await s.get("/api/v1/plans", drafter)).json())[0].id;
  const plan = await (await s.get(`/api/v1/plans/${planId}`, drafter)).json();
  const text = plan.documents.find((d: { kind: string }) => d.kind === "text");
  documentId = text.id;
  // five sections of the city plan's text get the cases' first wording, published as an edition
  for (const [i, name] of names.entries()) {
    const section = text.sections[i + 1];
    sectionIds.push(section.id);
    firstRevision[name] = (await revise(section.id, section.currentRevisionId, CASES[name].before)).id;
  }
  const edition = await s.send("POST", `/api/v1/documents/${documentId}/editions`, drafter, { label: "测试稿" });
  expect(edition.status).toBe(201);
  const editionId = (await edition.json()).id;
  const round = await s.send("POST", `/api/v1/editions/${editionId}/rounds`, drafter, {
    title: "锚点测试轮次",
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    invitedOrganizationIds: [orgs.find((o) => o.name === "甘州区")!.id],
    visibility: "private",
  });
  expect(round.status).toBe(201);
  roundId = (await round.json()).id;
  // the reviewer comments on each case's passage, then the drafter revises each section
  for (const [i, name] of names.entries()) {
    const c = CASES[name];
    const before = c.before.join("\n");
    const start = nth(before, c.quote, c.occurrence);
    const anchor = { exact: c.quote, prefix: "", suffix: "", start, end: start + c.quote.length };
    const res = await s.send("POST", `/api/v1/rounds/${roundId}/comments`, reviewer, {
      sectionId: sectionIds[i],
      anchor,
      body: `意见：${name}`,
      category: "revise",
    });
    expect(res.status).toBe(201);
    commentOf[name] = (await res.json()).id;
    laterRevision[name] = (await revise(sectionIds[i], firstRevision[name], c.after)).id;
  }
}, 60_000);
afterAll(() => s?.stop());

async function at(name: CaseName, cookie = drafter) {
  const res = await s.get(`/api/v1/comments/${commentOf[name]}?at=${laterRevision[name]}`, cookie);
  expect(res.status).toBe(200);
  return (await res.json()).anchor as { start: number; end: number; exact: string; state: string };
}
const later = (name: CaseName) => CASES[name].after.join("\n");

describe("GET /api/v1/comments/:id?at= on later revisions", () => {
  it("twin: the commented words deleted while the same words stand elsewhere → orphaned, never the twin", async () => {
    const a = await at("twin");
    expect(later("twin")).toContain("生态修复");
    expect(a.state).toBe("orphaned");
    expect(a.exact).toBe("");
    expect(a.start).toBe(a.end);
  });

  it("moved paragraph → intact at its new place", async () => {
    const a = await at("moved");
    expect(a.state).toBe("intact");
    expect(a.start).toBe(later("moved").indexOf(CASES.moved.quote));
    expect(later("moved").slice(a.start, a.end)).toBe(CASES.moved.quote);
  });

  it("duplicated paragraph → the occurrence the diff maps (the original, not the inserted copy)", async () => {
    const a = await at("duplicated");
    const text = later("duplicated");
    expect(a.state).toBe("intact");
    expect(text.indexOf(CASES.duplicated.quote)).not.toBe(text.lastIndexOf(CASES.duplicated.quote));
    expect(a.start).toBe(text.lastIndexOf(CASES.duplicated.quote));
  });

  it("deleted passage → orphaned", async () => {
    const a = await at("deleted");
    expect(a).toMatchObject({ state: "orphaned", exact: "" });
  });

  it("edited passage → changed, with the new wording", async () => {
    const a = await at("edited");
    expect(a.state).toBe("changed");
    expect(a.exact).toContain("66.5%");
    expect(later("edited").slice(a.start, a.end)).toBe(a.exact);
  });

  it("for the reviewer: a working revision is not theirs to read (404); once published it is", async () => {
    expect((await s.get(`/api/v1/comments/${commentOf.edited}?at=${laterRevision.edited}`, reviewer)).status).toBe(404);
    expect((await s.send("POST", `/api/v1/documents/${documentId}/editions`, drafter, { label: "测试稿（修改）" })).status).toBe(201);
    expect(await at("edited", reviewer)).toMatchObject({ state: "changed" });
    expect(await at("twin", reviewer)).toMatchObject({ state: "orphaned" });
  });
});
