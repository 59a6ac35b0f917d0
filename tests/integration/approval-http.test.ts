// 报批, 审批, 备案 and the chair's confirmation over HTTP against the built server: the API's shapes,
// the 403s on pages and API, the upload limits. The situations are built in the server's own database
// file through the domain functions (see approval-fixture.ts).
import { request as httpRequest } from "node:http";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "~db/client";
import { files, plans, users } from "~db/schema";
import { type Actors, countyPlan, createActors } from "./approval-fixture";
import { startServer, type TestServer } from "./server";

let s: TestServer;
let db: Db;
let a: Actors;
const cookies: Record<string, string> = {};
const fileCount = () => db.select({ n: count() }).from(files).get()!.n;
const pdfBytes = new TextEncoder().encode("%PDF-1.4\n% 批复\n%%EOF\n");

beforeAll(async () => {
  s = await startServer();
  db = openDatabase(s.dbFile);
  a = await createActors(db);
  for (const u of ["drafter", "t-drafter", "t-other", "t-zrj", "gaotai", "expert1", "expert2"]) cookies[u] = await s.loginAs(u);
});
afterAll(() => {
  db?.$client.close();
  s?.stop();
});

const post = (path: string, who: string, body: unknown) => s.send("POST", path, cookies[who], body);
const multipart = (path: string, who: string, form: FormData) =>
  fetch(`${s.base}${path}`, { method: "POST", redirect: "manual", headers: { Origin: s.base, Cookie: cookies[who] }, body: form });

describe("POST /api/v1/plans/:planId/approval-request", () => {
  it("409 gate_unmet with the unmet conditions as codes, words and figures (the seeded city plan)", async () => {
    const city = db.select().from(plans).where(eq(plans.level, "city")).get()!;
    const edition = (await (await s.get(`/api/v1/plans/${city.id}`, cookies.drafter)).json()).editions[0];
    const res = await post(`/api/v1/plans/${city.id}/approval-request`, "drafter", { editionId: edition.id });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe("gate_unmet");
    expect(body.unmet).toEqual(["round_open", "review_not_concluded"]);
    expect(body.error.message).toMatch(
      /^尚不具备报批条件：1\. 尚有 1 轮征求意见未结束：“《张掖市.*；2\. 技术审查尚未形成专家组结论：“规划文本（征求意见稿）技术审查”（已签署 0 人，法定人数 4 人）。$/,
    );
    expect(body.unmetDetails).toEqual([
      expect.objectContaining({
        code: "round_open",
        message: expect.stringContaining("征求意见未结束"),
        rounds: [expect.objectContaining({ href: expect.stringMatching(/^\/rounds\/rnd_/), closesAt: expect.stringMatching(/\+08:00$/) })],
      }),
      expect.objectContaining({
        code: "review_not_concluded",
        reviews: [expect.objectContaining({ signed: 0, quorum: 4, href: expect.stringMatching(/^\/reviews\//) })],
      }),
    ]);
    // an English user reads the same in English
    db.update(users).set({ locale: "en" }).where(eq(users.username, "drafter")).run();
    const en = await (await post(`/api/v1/plans/${city.id}/approval-request`, "drafter", { editionId: edition.id })).json();
    db.update(users).set({ locale: "zh-CN" }).where(eq(users.username, "drafter")).run();
    expect(en.error.message).toMatch(
      /^Not ready for approval: 1\. 1 consultation rounds are still open: .*; 2\. the technical review has no panel conclusion yet: /,
    );
  });

  it("400 for an unknown edition or another plan's, 403 for another county's drafter (API and page), 201 when met", async () => {
    const p = countyPlan(db, a, "甲县");
    const other = countyPlan(db, a, "乙县").publish("送审稿");
    const { final } = p.ready();
    expect((await post(`/api/v1/plans/${p.planId}/approval-request`, "t-drafter", { editionId: "edn_nope" })).status).toBe(400);
    const wrong = await post(`/api/v1/plans/${p.planId}/approval-request`, "t-drafter", { editionId: other.id });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.code).toBe("invalid");
    const forbidden = await post(`/api/v1/plans/${p.planId}/approval-request`, "t-other", { editionId: final.id });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe("forbidden");
    expect((await s.get(`/plans/${p.planId}/approval`, cookies["t-other"])).status).toBe(403);
    expect((await s.get(`/api/v1/plans/${p.planId}/approval`, cookies["t-other"])).status).toBe(403);
    expect((await s.get(`/plans/${p.planId}/approval`, cookies["t-drafter"])).status).toBe(200);

    const ok = await post(`/api/v1/plans/${p.planId}/approval-request`, "t-drafter", { editionId: final.id });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({
      id: expect.stringMatching(/^apr_/),
      planId: p.planId,
      editionId: final.id,
      editionLabel: "报批稿",
      stage: "approval",
      requestedAt: expect.stringMatching(/\+08:00$/),
      warnings: [],
    });
    const again = await post(`/api/v1/plans/${p.planId}/approval-request`, "t-drafter", { editionId: final.id });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("conflict");
    const state = await (await s.get(`/api/v1/plans/${p.planId}/approval`, cookies["t-zrj"])).json();
    expect(state).toMatchObject({ state: "requested", stage: "approval", request: { editionId: final.id } });
    // the dashboard marks the 报批稿
    const page = await (await s.get(`/plans/${p.planId}`, cookies.gaotai)).text();
    expect(page).toContain('data-testid="approval-card"');
  });
});

describe("recording the approval, the letter and the filing", () => {
  let planId = "";
  let documentId = "";
  beforeAll(() => {
    const p = countyPlan(db, a, "丙县");
    const { final } = p.ready();
    planId = p.planId;
    documentId = p.documentId;
    return fetch(`${s.base}/api/v1/plans/${planId}/approval-request`, {
      method: "POST",
      headers: { Origin: s.base, Cookie: cookies["t-drafter"], "Content-Type": "application/json" },
      body: JSON.stringify({ editionId: final.id }),
    }).then((r) => expect(r.status).toBe(201));
  });
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  it("refuses a letter that is not a PDF (400) and a body over 20 MB (413) before storing anything", async () => {
    const before = fileCount();
    const form = new FormData();
    form.set("authority", "丙县人民政府");
    form.set("documentNumber", "丙政函〔2026〕5号");
    form.set("approvedOn", today());
    form.set("letter", new Blob([new TextEncoder().encode("<html>not a pdf</html>")], { type: "application/pdf" }), "批复.pdf");
    const notPdf = await multipart(`/api/v1/plans/${planId}/approval`, "t-drafter", form);
    expect(notPdf.status).toBe(400);
    expect((await notPdf.json()).error.message).toContain("PDF");

    // a 100 MB body is refused from its Content-Length, after a few kilobytes have been sent
    const started = Date.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${s.base}/api/v1/plans/${planId}/approval`,
        {
          method: "POST",
          headers: {
            Origin: s.base,
            Cookie: cookies["t-drafter"],
            "Content-Type": "multipart/form-data; boundary=x",
            "Content-Length": String(100 * 1024 * 1024),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on("error", (e) =>
        e.message.includes("socket hang up") || e.message.includes("EPIPE") || e.message.includes("ECONNRESET") ? undefined : reject(e),
      );
      req.write(Buffer.alloc(64 * 1024, 0x41));
    });
    expect(status).toBe(413);
    expect(Date.now() - started).toBeLessThan(10_000);

    // a streamed body without a Content-Length stops at the cap too
    const big = new Uint8Array(21 * 1024 * 1024);
    big.set(new TextEncoder().encode("%PDF-1.7"));
    const chunked = await fetch(`${s.base}/api/v1/plans/${planId}/approval/letter`, {
      method: "POST",
      headers: { Origin: s.base, Cookie: cookies["t-drafter"], "Content-Type": "application/pdf" },
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < big.length; i += 1 << 20) c.enqueue(big.subarray(i, i + (1 << 20)));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(fileCount()).toBe(before);
    expect((await (await s.get(`/api/v1/plans/${planId}/approval`, cookies["t-drafter"])).json()).state).toBe("requested");
  });

  it("records the approval (multipart, with the letter), serves the letter to readers, files it once", async () => {
    const before = fileCount();
    const form = new FormData();
    form.set("authority", "丙县人民政府");
    form.set("documentNumber", "丙政函〔2026〕5号");
    form.set("approvedOn", today());
    form.set("letter", new Blob([pdfBytes], { type: "application/pdf" }), "丙政函〔2026〕5号.pdf");
    const bad = new FormData();
    for (const [k, v] of form.entries()) bad.set(k, v);
    bad.set("documentNumber", "丙政函2026-5");
    const invalid = await multipart(`/api/v1/plans/${planId}/approval`, "t-drafter", bad);
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.issues).toEqual([
      expect.objectContaining({ path: "documentNumber", message: expect.stringContaining("〔") }),
    ]);

    const res = await multipart(`/api/v1/plans/${planId}/approval`, "t-drafter", form);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      documentNumber: "丙政函〔2026〕5号",
      approvedOn: today(),
      stage: "filing",
      letter: { name: "丙政函〔2026〕5号.pdf", size: pdfBytes.length },
    });
    expect(fileCount()).toBe(before + 1);
    for (const path of [`/api/v1/plans/${planId}/approval/letter`, `/plans/${planId}/approval/letter.pdf`]) {
      const letter = await s.get(path, cookies.gaotai);
      expect(letter.status).toBe(200);
      expect(letter.headers.get("content-type")).toBe("application/pdf");
      expect(Buffer.from(await letter.arrayBuffer()).equals(Buffer.from(pdfBytes))).toBe(true);
    }
    // frozen: no new edition, no second approval
    expect((await post(`/api/v1/documents/${documentId}/editions`, "t-drafter", { label: "修订稿" })).status).toBe(409);
    expect(
      (
        await post(`/api/v1/plans/${planId}/approval`, "t-drafter", {
          authority: "丙县人民政府",
          documentNumber: "丙政函〔2026〕6号",
          approvedOn: today(),
        })
      ).status,
    ).toBe(409);

    expect((await post(`/api/v1/plans/${planId}/filing`, "gaotai", { filedOn: today() })).status).toBe(403);
    expect((await post(`/api/v1/plans/${planId}/filing`, "t-drafter", { filedOn: today() })).status).toBe(403);
    const filed = await post(`/api/v1/plans/${planId}/filing`, "t-zrj", { filedOn: today(), filingNumber: "张自然资备〔2026〕1号" });
    expect(filed.status).toBe(201);
    expect(await filed.json()).toMatchObject({ planId, filedOn: today(), filingNumber: "张自然资备〔2026〕1号" });
    expect((await post(`/api/v1/plans/${planId}/filing`, "t-zrj", { filedOn: today() })).status).toBe(409);
  });

  it("records an approval as JSON, then takes the letter as a PDF body", async () => {
    const p = countyPlan(db, a, "丁县");
    const { final } = p.ready();
    expect((await post(`/api/v1/plans/${p.planId}/filing`, "t-zrj", { filedOn: today() })).status).toBe(409);
    expect(
      (
        await post(`/api/v1/plans/${p.planId}/approval`, "t-drafter", {
          authority: "丁县人民政府",
          documentNumber: "丁政函〔2026〕1号",
          approvedOn: today(),
        })
      ).status,
    ).toBe(409);
    expect((await post(`/api/v1/plans/${p.planId}/approval-request`, "t-drafter", { editionId: final.id })).status).toBe(201);
    expect(
      (
        await post(`/api/v1/plans/${p.planId}/approval`, "t-drafter", {
          authority: "丁县人民政府",
          documentNumber: "丁政函〔2026〕1号",
          approvedOn: today(),
        })
      ).status,
    ).toBe(201);
    expect((await s.get(`/api/v1/plans/${p.planId}/approval/letter`, cookies.gaotai)).status).toBe(404);
    const put = (body: Uint8Array) =>
      fetch(`${s.base}/api/v1/plans/${p.planId}/approval/letter?name=批复.pdf`, {
        method: "POST",
        headers: { Origin: s.base, Cookie: cookies["t-drafter"], "Content-Type": "application/pdf" },
        body: new Blob([new Uint8Array(body)]),
      });
    expect((await put(new TextEncoder().encode("GIF89a"))).status).toBe(400);
    const ok = await put(pdfBytes);
    expect(ok.status).toBe(201);
    expect((await ok.json()).letter).toMatchObject({ name: "批复.pdf", size: pdfBytes.length });
    expect((await put(pdfBytes)).status).toBe(409);
  });
});

describe("POST /api/v1/reviews/:reviewId/confirmation and the dossier", () => {
  it("the chair confirms a later edition (201); others 403; the dossier downloads for the plan's drafters", async () => {
    const p = countyPlan(db, a, "戊县");
    const sent = p.publish("送审稿");
    const reviewId = p.review(sent.id, sent.manifestHash, { conclusion: "approve_with_changes" });
    p.revise(p.sectionIds[0], "已按专家意见修改。");
    const final = p.publish("报批稿");
    expect((await post(`/api/v1/reviews/${reviewId}/confirmation`, "expert2", { editionId: final.id })).status).toBe(403);
    expect((await post(`/api/v1/reviews/${reviewId}/confirmation`, "expert1", { editionId: sent.id })).status).toBe(400);
    const res = await post(`/api/v1/reviews/${reviewId}/confirmation`, "expert1", { editionId: final.id });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      reviewId,
      editionId: final.id,
      manifestHash: final.manifestHash,
      signatureHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      signedAt: expect.stringMatching(/\+08:00$/),
    });
    const review = await (await s.get(`/api/v1/reviews/${reviewId}`, cookies["t-drafter"])).json();
    expect(review.confirmations).toEqual([expect.objectContaining({ editionId: final.id, label: "报批稿", valid: true })]);
    // the review page shows the confirmation to everyone who sees the review
    expect(await (await s.get(`/reviews/${reviewId}`, cookies.expert2)).text()).toContain('data-testid="confirmations"');

    const zip = await s.get(`/plans/${p.planId}/dossier.zip?edition=${final.id}`, cookies["t-drafter"]);
    expect(zip.status).toBe(200);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(zip.headers.get("content-disposition")).toContain(encodeURIComponent("戊县国土空间生态修复规划（2021—2035年）报批材料.zip"));
    expect(
      Buffer.from(await zip.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    expect((await s.get(`/plans/${p.planId}/dossier.zip`, cookies["t-other"])).status).toBe(403);
  });
});
