// The demo reading view with its city round topped up to 200 comments (the bench's page): its weight
// against what it shows, the thread list in groups, and replying without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~db/client";
import { contentBytes } from "../../bench/fixture";
import { topUpDemoRound } from "../support/seed-large-plan";
import { startServer, type TestServer } from "./server";

let server: TestServer;
let demo: { roundId: string; editionId: string };

beforeAll(async () => {
  server = await startServer();
  const db = openDatabase(server.dbFile);
  demo = topUpDemoRound(db, 200);
  db.$client.close();
}, 120_000);
afterAll(() => server?.stop());

const threadsIn = (html: string) => [...html.matchAll(/<article class="thread[^"]*" id="thread-([a-z0-9_]+)"/g)].map((m) => m[1]);
const decode = (s: string) => s.replace(/&amp;/g, "&");

describe("the demo reading view with 200 comments", () => {
  it("weighs at most 2.5× the text and comments of the round, lists 30 threads at a time and no reply form", async () => {
    const cookie = await server.loginAs("drafter");
    const res = await server.get(`/editions/${demo.editionId}?round=${demo.roundId}`, cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    const bytes = Buffer.byteLength(html);
    const shown = contentBytes(server.dbFile, demo.editionId, demo.roundId);
    expect(bytes / shown, `${bytes} bytes for ${shown}`).toBeLessThanOrEqual(2.5);
    expect(threadsIn(html)).toHaveLength(30);
    expect(html).toContain("第 1–30 条，共 200 条");
    expect(decode(html)).toContain(`threads=2#threads`);
    // every thread of the page is highlighted in the text, listed or not
    expect(new Set([...html.matchAll(/<mark [^>]*data-comment-id="([^"]+)"/g)].map((m) => m[1])).size).toBeGreaterThan(150);
    // a reply link per thread, no form
    expect(html.match(/class="thread__reply-link/g)).toHaveLength(30);
    expect(html).not.toContain('data-testid="reply-form"');
  });

  it("opens another group by ?threads= and the group of a comment named by ?comment=", async () => {
    const cookie = await server.loginAs("drafter");
    const last = await (await server.get(`/editions/${demo.editionId}?round=${demo.roundId}&threads=7`, cookie)).text();
    expect(threadsIn(last)).toHaveLength(20);
    expect(last).toContain("第 181–200 条，共 200 条");
    const target = threadsIn(last)[5];
    const first = await (await server.get(`/editions/${demo.editionId}?round=${demo.roundId}`, cookie)).text();
    expect(threadsIn(first)).not.toContain(target);
    const named = await (await server.get(`/editions/${demo.editionId}?round=${demo.roundId}&comment=${target}`, cookie)).text();
    expect(threadsIn(named)).toContain(target);
  });

  it("replies without JavaScript: the reply link opens that thread's form, which posts to the page", async () => {
    const cookie = await server.loginAs("drafter");
    const page = await (await server.get(`/editions/${demo.editionId}?round=${demo.roundId}`, cookie)).text();
    const target = threadsIn(page)[3];
    const href = decode(/<a class="thread__reply-link[^"]*" href="([^"]+)"/.exec(page.slice(page.indexOf(`id="thread-${target}"`)))![1]);
    expect(href).toContain(`comment=${target}`);
    const withForm = await (await server.get(`/editions/${demo.editionId}${href.split("#")[0]}`, cookie)).text();
    expect(withForm.match(/data-testid="reply-form"/g)).toHaveLength(1);
    const thread = withForm.slice(withForm.indexOf(`id="thread-${target}"`));
    const form = /<form method="post" action="([^"]+)"[^>]*data-testid="reply-form"/.exec(thread)!;
    expect(form.index).toBeLessThan(thread.indexOf("</article>"));
    const res = await fetch(`${server.base}${decode(form[1])}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: server.base, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "reply", commentId: target, body: "编制专班：已按意见核实。" }),
    });
    expect(res.status).toBe(200);
    const after = await res.text();
    // the answer is the page with the reply in its thread, and the form closed
    expect(after.slice(after.indexOf(`id="thread-${target}"`))).toContain("编制专班：已按意见核实。");
    expect(after).not.toContain('data-testid="reply-form"');
  });
});

describe("the demo reading view as an invited reviewer", () => {
  it("has one whole-section link per section and no form, and ?section= opens that section's form only", async () => {
    const cookie = await server.loginAs("gaotai");
    const html = await (await server.get(`/editions/${demo.editionId}?round=${demo.roundId}`, cookie)).text();
    const links = [...html.matchAll(/class="section-comment section-comment__link" href="([^"]+)"/g)].map((m) => decode(m[1]));
    expect(links.length).toBeGreaterThan(20);
    expect(html).not.toContain('data-testid="section-comment-form"');
    const sectionId = /section=([^#&]+)/.exec(links[3])![1];
    const open = await (await server.get(`/editions/${demo.editionId}${links[3].split("#")[0]}`, cookie)).text();
    expect(open.match(/data-testid="section-comment-form"/g)).toHaveLength(1);
    const form = open.slice(open.indexOf(`id="section-form-${sectionId}"`));
    expect(/name="sectionId" value="([^"]+)"/.exec(form)![1]).toBe(sectionId);
  });
});
