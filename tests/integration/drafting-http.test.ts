// Drafting over HTTP: optimistic concurrency, content validation, editions and their hashes.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

let s: TestServer;
let drafter = "";
let reviewer = "";
let planId = "";
let textDocumentId = "";
let sectionId = "";

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

// The documented manifest hash: sha256 of canonical JSON (sorted keys, no whitespace).
function canonical(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  return `{${Object.keys(v as object)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
    .join(",")}}`;
}

beforeAll(async () => {
  s = await startServer();
  drafter = await s.loginAs("drafter");
  reviewer = await s.loginAs("gaotai");
  planId = (await (await s.get("/api/v1/plans", drafter)).json())[0].id;
  const plan = await (await s.get(`/api/v1/plans/${planId}`, drafter)).json();
  const text = plan.documents.find((d: { kind: string }) => d.kind === "text");
  textDocumentId = text.id;
  sectionId = text.sections[1].id;
});
afterAll(() => s?.stop());

describe("saving revisions", () => {
  it("two saves on one base: one 201, one 409 naming the current revision; both contents kept", async () => {
    const section = await (await s.get(`/api/v1/sections/${sectionId}`, drafter)).json();
    const base = section.currentRevision.id;
    const first = await s.send("POST", `/api/v1/sections/${sectionId}/revisions`, drafter, {
      baseRevisionId: base,
      content: doc("甲的修改：黑河中游湿地保护率提高到百分之六十。"),
      note: "甲",
    });
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created.text).toBe("甲的修改：黑河中游湿地保护率提高到百分之六十。");
    expect(created.hash).toMatch(/^[0-9a-f]{64}$/);

    const second = await s.send("POST", `/api/v1/sections/${sectionId}/revisions`, drafter, {
      baseRevisionId: base,
      content: doc("乙的修改：祁连山水源涵养区。"),
      note: "乙",
    });
    expect(second.status).toBe(409);
    const body = await second.json();
    expect(body.error.code).toBe("conflict");
    expect(body.currentRevisionId).toBe(created.id);

    // nothing was overwritten: the first save is current, the old base is still retrievable
    const after = await (await s.get(`/api/v1/sections/${sectionId}`, drafter)).json();
    expect(after.currentRevision.id).toBe(created.id);
    expect((await s.get(`/api/v1/revisions/${base}`, drafter)).status).toBe(200);

    // the loser saves on top knowingly, naming the new base
    const third = await s.send("POST", `/api/v1/sections/${sectionId}/revisions`, drafter, {
      baseRevisionId: body.currentRevisionId,
      content: doc("乙的修改：祁连山水源涵养区。"),
      note: "乙（覆盖）",
    });
    expect(third.status).toBe(201);
    const history = (await (await s.get(`/api/v1/sections/${sectionId}`, drafter)).json()).revisions.map((r: { id: string }) => r.id);
    expect(history).toEqual(expect.arrayContaining([base, created.id, (await third.json()).id]));
  });

  it("refuses hostile content with 400 and oversized content with 413", async () => {
    const base = (await (await s.get(`/api/v1/sections/${sectionId}`, drafter)).json()).currentRevision.id;
    const post = (content: unknown) =>
      s.send("POST", `/api/v1/sections/${sectionId}/revisions`, drafter, { baseRevisionId: base, content, note: "" });
    const js = await post({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] },
      ],
    });
    expect(js.status).toBe(400);
    expect((await js.json()).error.message).toContain("javascript:alert(1)");
    expect((await post({ type: "doc", content: [{ type: "iframe" }] })).status).toBe(400);
    expect((await post({ type: "doc", content: [{ type: "paragraph", attrs: { onerror: "x" } }] })).status).toBe(400);
    expect((await post(doc("生".repeat(800_000)))).status).toBe(413);
    expect((await s.send("POST", `/api/v1/sections/${sectionId}/revisions`, drafter, "{not json")).status).toBe(400);
    // nothing was written
    expect((await (await s.get(`/api/v1/sections/${sectionId}`, drafter)).json()).currentRevision.id).toBe(base);
  });

  it("lets only drafters save (403 for a reviewer, 401 for nobody)", async () => {
    const base = (await (await s.get(`/api/v1/sections/${sectionId}`, drafter)).json()).currentRevision.id;
    expect(
      (await s.send("POST", `/api/v1/sections/${sectionId}/revisions`, reviewer, { baseRevisionId: base, content: doc("x"), note: "" }))
        .status,
    ).toBe(403);
    expect(
      (
        await fetch(`${s.base}/api/v1/sections/${sectionId}/revisions`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: "{}",
        })
      ).status,
    ).toBe(401);
  });
});

describe("editions", () => {
  it("publishes an edition whose manifest recomputes to its hash; reviewers then read the new revisions", async () => {
    const res = await s.send("POST", `/api/v1/documents/${textDocumentId}/editions`, drafter, { label: "送审稿" });
    expect(res.status).toBe(201);
    const edition = await res.json();
    expect(edition.label).toBe("送审稿");
    // the recipe of README "Hashes anyone can recompute": a plan text's edition also lists its frozen
    // tables ({kind, hash}); an edition without tables is hashed exactly as before tables existed
    expect(edition.tables.map((t: { kind: string }) => t.kind)).toEqual(["indicators", "projects"]);
    const manifestBytes = canonical({
      documentId: textDocumentId,
      label: edition.label,
      sections: edition.sections.map((x: { sectionId: string; revisionId: string; hash: string }) => ({
        sectionId: x.sectionId,
        revisionId: x.revisionId,
        hash: x.hash,
      })),
      tables: edition.tables.map((t: { kind: string; hash: string }) => ({ kind: t.kind, hash: t.hash })),
    });
    const recomputed = createHash("sha256").update(manifestBytes).digest("hex");
    expect(edition.manifestHash).toBe(recomputed);
    // SM3 (国密) over the very same bytes
    expect(edition.manifestSm3).toBe(createHash("sm3").update(manifestBytes).digest("hex"));
    const withoutTables = createHash("sha256")
      .update(
        canonical({
          documentId: textDocumentId,
          label: edition.label,
          sections: edition.sections.map((x: { sectionId: string; revisionId: string; hash: string }) => ({
            sectionId: x.sectionId,
            revisionId: x.revisionId,
            hash: x.hash,
          })),
        }),
      )
      .digest("hex");
    expect(withoutTables).not.toBe(edition.manifestHash);
    const fetched = await (await s.get(`/api/v1/editions/${edition.id}`, reviewer)).json();
    expect(fetched.manifestHash).toBe(edition.manifestHash);
    expect(fetched.manifestSm3).toBe(edition.manifestSm3);
    expect(fetched.sections.map((x: { revisionId: string }) => x.revisionId)).toEqual(
      edition.sections.map((x: { revisionId: string }) => x.revisionId),
    );

    // each section's revision hash is sha256(text + canonical content)
    const entry = edition.sections.find((x: { sectionId: string }) => x.sectionId === sectionId);
    const revision = await (await s.get(`/api/v1/revisions/${entry.revisionId}`, reviewer)).json();
    expect(
      createHash("sha256")
        .update(revision.text + canonical(revision.content))
        .digest("hex"),
    ).toBe(entry.hash);

    // the diff from the 征求意见稿 names the edited section as changed, with word-level ops
    const plan = await (await s.get(`/api/v1/plans/${planId}`, reviewer)).json();
    const first = plan.editions.find((e: { label: string }) => e.label === "征求意见稿");
    const diff = await (await s.get(`/api/v1/editions/${first.id}/diff/${edition.id}`, reviewer)).json();
    const changed = diff.sections.filter((x: { status: string }) => x.status === "changed");
    expect(changed.map((x: { sectionId: string }) => x.sectionId)).toEqual([sectionId]);
    expect(changed[0].ops.some((o: { op: string; text: string }) => o.op === "insert" && o.text.includes("祁连山"))).toBe(true);
    expect(diff.sections.filter((x: { status: string }) => x.status === "unchanged").length).toBe(edition.sections.length - 1);
    const page = await s.get(`/editions/${first.id}/diff/${edition.id}`, reviewer);
    expect(page.status).toBe(200);

    // publishing the very same thing again is refused
    const again = await s.send("POST", `/api/v1/documents/${textDocumentId}/editions`, drafter, { label: "送审稿" });
    expect(again.status).toBe(409);
  });

  it("keeps unpublished revisions from reviewers (404) and refuses publishing to them (403)", async () => {
    const base = (await (await s.get(`/api/v1/sections/${sectionId}`, drafter)).json()).currentRevision.id;
    const saved = await (
      await s.send("POST", `/api/v1/sections/${sectionId}/revisions`, drafter, {
        baseRevisionId: base,
        content: doc("尚未发布的工作稿。"),
        note: "工作稿",
      })
    ).json();
    expect((await s.get(`/api/v1/revisions/${saved.id}`, reviewer)).status).toBe(404);
    expect((await s.get(`/api/v1/revisions/${saved.id}`, drafter)).status).toBe(200);
    const reviewerView = await (await s.get(`/api/v1/sections/${sectionId}`, reviewer)).json();
    expect(reviewerView.currentRevision.id).not.toBe(saved.id);
    expect(reviewerView.revisions.map((r: { id: string }) => r.id)).not.toContain(saved.id);
    expect((await s.send("POST", `/api/v1/documents/${textDocumentId}/editions`, reviewer, { label: "报批稿" })).status).toBe(403);
    expect((await s.send("POST", `/api/v1/documents/${textDocumentId}/editions`, drafter, { label: "" })).status).toBe(400);
  });
});
