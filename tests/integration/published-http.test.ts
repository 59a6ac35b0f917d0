// Published things never change: the edition, revision and diff APIs and the .docx export answer with a
// strong ETag and 304 on If-None-Match — after the permission check, never instead of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

let server: TestServer;
let drafter: string;
let reviewer: string;
let older: string;
let newer: string;

beforeAll(async () => {
  server = await startServer();
  drafter = await server.loginAs("drafter");
  reviewer = await server.loginAs("fgw");
  // a county plan whose text has several editions (临泽县: 征求意见稿, then 送审稿)
  const plans = await (await server.get("/api/v1/plans", drafter)).json();
  let editions: { id: string; documentId: string; publishedAt: string }[] = [];
  for (const plan of plans) {
    const detail = await (await server.get(`/api/v1/plans/${plan.id}`, drafter)).json();
    const all = detail.editions as typeof editions;
    const documentId = all.find((e) => all.filter((x) => x.documentId === e.documentId).length >= 2)?.documentId;
    const several = documentId ? all.filter((e) => e.documentId === documentId) : null;
    if (several) {
      editions = [...several].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
      break;
    }
  }
  expect(editions.length).toBeGreaterThanOrEqual(2);
  older = editions[0].id;
  newer = editions.at(-1)!.id;
}, 60_000);
afterAll(() => server?.stop());

let drafts = 0;
/** Saves a working revision of the city plan's first section (an audited write); returns its id. */
async function newWorkingRevision() {
  const plans = await (await server.get("/api/v1/plans", drafter)).json();
  const city = plans.find((p: { level: string }) => p.level === "city");
  const detail = await (await server.get(`/api/v1/plans/${city.id}`, drafter)).json();
  const section = await (await server.get(`/api/v1/sections/${detail.documents[0].sections[0].id}`, drafter)).json();
  const created = await server.send("POST", `/api/v1/sections/${section.id}/revisions`, drafter, {
    baseRevisionId: section.currentRevision.id,
    content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `工作稿：尚未发布（第${++drafts}稿）。` }] }] },
    note: "",
  });
  expect(created.status).toBe(201);
  return (await created.json()).id as string;
}

const withTag = (cookie: string, etag: string) => ({ Cookie: cookie, "If-None-Match": etag });

async function revalidates(path: string, cookie: string) {
  const first = await server.get(path, cookie);
  expect(first.status).toBe(200);
  const etag = first.headers.get("ETag")!;
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/); // strong: no W/
  const body = Buffer.from(await first.arrayBuffer());
  const again = await fetch(`${server.base}${path}`, { headers: withTag(cookie, etag) });
  expect(again.status).toBe(304);
  expect(again.headers.get("ETag")).toBe(etag);
  expect((await again.arrayBuffer()).byteLength).toBe(0);
  const other = await fetch(`${server.base}${path}`, { headers: withTag(cookie, '"something-else"') });
  expect(other.status).toBe(200);
  expect(Buffer.from(await other.arrayBuffer()).equals(body)).toBe(true);
  return { etag, body };
}

describe("strong ETags and 304", () => {
  it("GET /api/v1/editions/:id", async () => {
    const { etag, body } = await revalidates(`/api/v1/editions/${newer}`, drafter);
    expect(JSON.parse(body.toString()).id).toBe(newer);
    // the same bytes for every reader, so the same validator
    expect((await server.get(`/api/v1/editions/${newer}`, reviewer)).headers.get("ETag")).toBe(etag);
  });

  it("GET /api/v1/revisions/:id, and still 404 for an unpublished one whatever the If-None-Match", async () => {
    const edition = await (await server.get(`/api/v1/editions/${newer}`, drafter)).json();
    const revisionId = edition.sections[0].revisionId;
    const { body } = await revalidates(`/api/v1/revisions/${revisionId}`, reviewer);
    expect(JSON.parse(body.toString()).id).toBe(revisionId);
    // a new working revision (of the city plan, which `drafter` drafts) is the drafters' alone: a reviewer holding its ETag still gets 404
    const draftId = await newWorkingRevision();
    const { etag } = await revalidates(`/api/v1/revisions/${draftId}`, drafter);
    expect((await fetch(`${server.base}/api/v1/revisions/${draftId}`, { headers: withTag(reviewer, etag) })).status).toBe(404);
    expect((await fetch(`${server.base}/api/v1/revisions/${draftId}`, { headers: { "If-None-Match": etag } })).status).toBe(401);
  });

  it("GET /api/v1/editions/:from/diff/:to sends ops for changed sections only", async () => {
    const { body } = await revalidates(`/api/v1/editions/${older}/diff/${newer}`, reviewer);
    const diff = JSON.parse(body.toString()) as { sections: { sectionId: string; status: string; ops?: { op: string; text: string }[] }[] };
    const unchanged = diff.sections.filter((s) => s.status === "unchanged");
    const changed = diff.sections.filter((s) => s.status !== "unchanged");
    expect(unchanged.length).toBeGreaterThan(0);
    expect(changed.length).toBeGreaterThan(0);
    expect(unchanged.every((s) => s.ops === undefined)).toBe(true);
    expect(changed.every((s) => Array.isArray(s.ops) && s.ops.some((o) => o.op !== "equal"))).toBe(true);
  });

  it("GET /editions/:id/export.docx: the same file while nothing is recorded, a new validator after", async () => {
    const { etag, body } = await revalidates(`/editions/${newer}/export.docx`, reviewer);
    expect(body.subarray(0, 2).toString()).toBe("PK");
    // the export's footer carries the audit head: a recorded event makes a new file
    await newWorkingRevision();
    const after = await fetch(`${server.base}/editions/${newer}/export.docx`, { headers: withTag(reviewer, etag) });
    expect(after.status).toBe(200);
    expect(after.headers.get("ETag")).not.toBe(etag);
  });
});
