// The reading view of a large edition over HTTP: pages sized by what they show, the section HTML in the
// markup once, the next page as JSON, and a comment refreshing only its section.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~db/client";
import { createLargeEdition, type LargeEdition } from "../support/large-edition";
import { startServer, type TestServer } from "./server";

let server: TestServer;
let large: LargeEdition;

beforeAll(async () => {
  server = await startServer();
  const db = openDatabase(server.dbFile);
  large = await createLargeEdition(db);
  db.$client.close();
}, 240_000);
afterAll(() => server?.stop());

interface PageJson {
  page: { id: string; index: number; count: number; nextId: string | null };
  threadWindow: { index: number; count: number; total: number };
  sections: { id: string; number: string; title: string; html: string }[];
  threads: {
    sectionId: string;
    body: string;
    proposedText: string | null;
    anchor: { exact: string } | null;
    organization: { name: string };
    author: { name: string };
    replies: { body: string }[];
  }[];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
const utf8 = (s: string) => Buffer.byteLength(s, "utf8");
/** The UTF-8 bytes of what a page shows a reader: the sections' numbers, titles and text, and the comments. */
function contentBytes(p: PageJson) {
  const text = p.sections.map((s) => `${s.number}${s.title}${decode(s.html.replace(/<[^>]+>/g, ""))}`).join("");
  const comments = p.threads
    .map(
      (t) =>
        `${t.organization.name}${t.author.name}${t.anchor?.exact ?? ""}${t.body}${t.proposedText ?? ""}${t.replies.map((r) => r.body).join("")}`,
    )
    .join("");
  return utf8(text) + utf8(comments);
}

describe("the reading view of a 300-section, 500,000-character edition with 300 comments", () => {
  it("is cut into pages of at most 400 KB and 2.5× the bytes of the text and comments they show; each section's HTML is in the page once", async () => {
    expect(large.sectionIds).toHaveLength(300);
    expect(large.chars).toBeGreaterThan(490_000);
    const cookie = await server.loginAs("sunan");
    let chapter: string | null = null;
    const seenSections: string[] = [];
    let seenThreads = 0;
    let largest = 0;
    let pages = 0;
    do {
      const q = new URLSearchParams({ round: large.roundId, ...(chapter ? { chapter } : {}) });
      const json = (await (await server.get(`/editions/${large.editionId}/page?${q}`, cookie)).json()) as PageJson;
      const res = await server.get(`/editions/${large.editionId}?${q}`, cookie);
      expect(res.status).toBe(200);
      const html = await res.text();
      const bytes = utf8(html);
      largest = Math.max(largest, bytes);
      expect(bytes).toBeLessThanOrEqual(400 * 1024);
      expect(bytes / contentBytes(json), `page ${json.page.index + 1}: ${bytes} bytes for ${contentBytes(json)}`).toBeLessThanOrEqual(2.5);
      // the HTML of a section is in the markup, not repeated in the loader data
      const shown = json.sections.map((s) => s.html).join("");
      for (const s of json.sections) {
        const para = /<p>([^<]{60,})/.exec(s.html)![1].slice(0, 60);
        expect(html.split(para).length - 1, `section ${s.id}`).toBe(shown.split(para).length - 1);
      }
      seenSections.push(...json.sections.map((s) => s.id));
      seenThreads += json.threads.length;
      // a page with more threads than a group lists the others in further groups (?threads=)
      for (let group = 2; group <= json.threadWindow.count; group++) {
        const more = new URLSearchParams({ ...Object.fromEntries(q), threads: String(group) });
        const next = (await (await server.get(`/editions/${large.editionId}/page?${more}`, cookie)).json()) as PageJson;
        expect(next.threadWindow.index).toBe(group);
        seenThreads += next.threads.length;
      }
      pages++;
      chapter = json.page.nextId;
    } while (chapter);
    expect(pages).toBeGreaterThan(10);
    expect(seenSections).toEqual(large.sectionIds);
    expect(seenThreads).toBe(large.comments);
    expect(largest).toBeGreaterThan(50 * 1024);
  }, 120_000);

  it("opens the page of any section named in ?chapter= and of a comment named in ?comment=", async () => {
    const cookie = await server.loginAs("ganzhou");
    const target = large.sectionIds[200];
    const json = (await (
      await server.get(`/editions/${large.editionId}/page?round=${large.roundId}&chapter=${target}`, cookie)
    ).json()) as PageJson;
    expect(json.sections.map((s) => s.id)).toContain(target);
    const html = await (await server.get(`/editions/${large.editionId}?round=${large.roundId}&chapter=${target}`, cookie)).text();
    expect(html).toContain(`id="${target}"`);
    expect(html).not.toContain(`id="${large.sectionIds[0]}"`);
  });

  it("answers a comment posted with JavaScript with its section's HTML and threads only", async () => {
    const cookie = await server.loginAs("sunan");
    const sectionId = large.sectionIds[150];
    const before = (await (
      await server.get(`/editions/${large.editionId}/page?round=${large.roundId}&chapter=${sectionId}`, cookie)
    ).json()) as PageJson;
    const text = decode(
      before.sections
        .find((s) => s.id === sectionId)!
        .html.replace(/<\/p><p>/g, "\n")
        .replace(/<[^>]+>/g, ""),
    );
    const exact = text.slice(20, 30);
    const form = new URLSearchParams({
      intent: "comment",
      sectionId,
      category: "revise",
      body: "长文本中的一条新意见。",
      anchor: JSON.stringify({ exact, prefix: "", suffix: "", start: 20, end: 30 }),
    });
    const res = await fetch(`${server.base}/editions/${large.editionId}/threads?round=${large.roundId}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: server.base, "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer.ok).toBe(true);
    const id = answer.result.commentId as string;
    expect(answer.section.sectionId).toBe(sectionId);
    expect(answer.section.html).toContain(`data-comment-id="${id}"`);
    expect(answer.section.threads.map((t: { id: string }) => t.id)).toContain(id);
    expect(answer.section.threads.every((t: { sectionId: string }) => t.sectionId === sectionId)).toBe(true);
    // a refused comment answers the form's errors as JSON
    const bad = await fetch(`${server.base}/editions/${large.editionId}/threads?round=${large.roundId}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: server.base, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "comment", sectionId, category: "revise", body: "" }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).ok).toBe(false);
  });

  it("keeps the page's JSON to the signed-in", async () => {
    expect((await server.get(`/editions/${large.editionId}/page?round=${large.roundId}`)).status).toBe(401);
  });
});
