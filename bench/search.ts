// The search part of `npm run bench`: a generated county plan of 500,000 characters in 300 sections
// with 2,000 comments (and 500 replies) in a temporary database, searched through the domain function
// (visibility included) for a 1-, 2-, 3- and 6-character query, as a reviewer of a private round and as
// the plan's drafter. Deterministic: the text is drawn from the demo plan's paragraphs with a seeded
// generator. `npx tsx bench/search.ts` runs this part alone and updates its field of bench/results.json
// and its table in bench/README.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { rng } from "../app/lib/random";
import { search } from "../app/models/search.server";
import type { SessionUser } from "../app/utils/auth.server";
import { openDatabase } from "~db/client";
import { demoComments } from "~db/seed/comments";
import { planText } from "~db/seed/plan-text";

export const SEARCH_QUERIES = ["水", "湿地", "水源涵", "生态保护修复"] as const;
const TARGET_CHARS = 500_000;
const SECTIONS = 300;
const COMMENTS = 2_000;
const REPLIES = 500;
const REVIEWER_ORGS = 10;
const RUNS = 40;

export interface QueryFigures {
  query: string;
  chars: number;
  hits: number;
  mean_ms: number;
  p95_ms: number;
  /** CPU time of this process per query (user + system): what the query costs on a busy machine. */
  cpu_mean_ms: number;
}
export interface SearchFigures {
  chars: number;
  sections: number;
  comments: number;
  replies: number;
  target_ms: number;
  reviewer: QueryFigures[];
  drafter: QueryFigures[];
}

function buildDatabase(file: string) {
  const db = openDatabase(file);
  const c = db.$client;
  const rand = rng(20211231);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const paragraphs = JSON.stringify(planText)
    .match(/"p":"([^"]+)"/g)!
    .map((m) => m.slice(5, -1));
  const bodies = demoComments.flatMap((d) => [d.body, ...(d.proposedText ? [d.proposedText] : [])]);
  const now = Date.now();
  let chars = 0;
  c.transaction(() => {
    c.prepare(
      "INSERT INTO organizations (id, name, full_name, kind) VALUES ('org_team', '编制专班', '规划编制专班', 'drafting_team')",
    ).run();
    c.prepare(
      "INSERT INTO users (id, username, display_name, password_hash, role, organization_id) VALUES ('usr_drafter', 'drafter', '编制人员', 'x', 'drafter', 'org_team')",
    ).run();
    for (let i = 0; i < REVIEWER_ORGS; i++) {
      c.prepare("INSERT INTO organizations (id, name, full_name, kind) VALUES (?, ?, ?, 'department')").run(
        `org_${i}`,
        `部门${i}`,
        `市部门${i}`,
      );
      c.prepare(
        "INSERT INTO users (id, username, display_name, password_hash, role, organization_id) VALUES (?, ?, ?, 'x', 'reviewer', ?)",
      ).run(`usr_${i}`, `reviewer${i}`, `征询人${i}`, `org_${i}`);
    }
    c.prepare(
      "INSERT INTO plans (id, title, level, region, period_start, period_end, owner_organization_id, drafting_organization_id, stage) VALUES ('pln_bench', '基准县国土空间生态修复规划（2021—2035年）', 'county', '基准县', 2021, 2035, 'org_team', 'org_team', 'consultation')",
    ).run();
    c.prepare("INSERT INTO documents (id, plan_id, kind, title) VALUES ('doc_bench', 'pln_bench', 'text', '规划文本')").run();
    c.prepare(
      "INSERT INTO editions (id, document_id, label, manifest_hash, published_by_id, published_at) VALUES ('edn_bench', 'doc_bench', '征求意见稿', 'x', 'usr_drafter', ?)",
    ).run(now);
    const section = c.prepare(
      "INSERT INTO sections (id, document_id, number, title, sort_order, current_revision_id) VALUES (?, 'doc_bench', ?, ?, ?, ?)",
    );
    const revision = c.prepare(
      "INSERT INTO revisions (id, section_id, content, text, hash, author_id) VALUES (?, ?, '{\"type\":\"doc\"}', ?, 'x', 'usr_drafter')",
    );
    const held = c.prepare(
      "INSERT INTO edition_sections (edition_id, position, section_id, revision_id, number, title, hash) VALUES ('edn_bench', ?, ?, ?, ?, ?, 'x')",
    );
    const perSection = TARGET_CHARS / SECTIONS;
    for (let i = 0; i < SECTIONS; i++) {
      const parts: string[] = [];
      let n = 0;
      while (n < perSection) {
        const p = pick(paragraphs);
        parts.push(p);
        n += p.length + 1;
      }
      const text = parts.join("\n").slice(0, Math.round(perSection));
      chars += text.length;
      section.run(`sec_${i}`, `第${i + 1}节`, `章节${i + 1}`, i, `rev_${i}`);
      revision.run(`rev_${i}`, `sec_${i}`, text);
      held.run(i, `sec_${i}`, `rev_${i}`, `第${i + 1}节`, `章节${i + 1}`);
    }
    c.prepare(
      "INSERT INTO rounds (id, edition_id, title, visibility, opens_at, closes_at, opened_by_id) VALUES ('rnd_bench', 'edn_bench', '征求意见', 'private', ?, ?, 'usr_drafter')",
    ).run(now, now + 86_400_000);
    for (let i = 0; i < REVIEWER_ORGS; i++)
      c.prepare("INSERT INTO round_invitations (round_id, organization_id) VALUES ('rnd_bench', ?)").run(`org_${i}`);
    const comment = c.prepare(
      "INSERT INTO comments (id, round_id, section_id, revision_id, body, category, author_id, organization_id) VALUES (?, 'rnd_bench', ?, ?, ?, 'revise', ?, ?)",
    );
    for (let i = 0; i < COMMENTS; i++) {
      const s = Math.floor(rand() * SECTIONS);
      const o = i % REVIEWER_ORGS;
      comment.run(`cmt_${i}`, `sec_${s}`, `rev_${s}`, `${pick(bodies)}${pick(paragraphs).slice(0, 40)}`, `usr_${o}`, `org_${o}`);
    }
    const reply = c.prepare("INSERT INTO replies (id, comment_id, author_id, body) VALUES (?, ?, 'usr_drafter', ?)");
    for (let i = 0; i < REPLIES; i++)
      reply.run(`rpl_${i}`, `cmt_${Math.floor(rand() * COMMENTS)}`, `感谢意见，${pick(paragraphs).slice(0, 60)}`);
  })();
  return { db, chars };
}

const userOf = (id: string, username: string, role: SessionUser["role"], org: { id: string; name: string; kind: string }): SessionUser => ({
  id,
  username,
  displayName: username,
  role,
  locale: "zh-CN",
  organization: org,
});

function measure(ctx: Parameters<typeof search>[0]): QueryFigures[] {
  return SEARCH_QUERIES.map((q) => {
    for (let i = 0; i < 3; i++) search(ctx, { q, limit: 20 });
    const times: number[] = [];
    let hits = 0;
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      hits = search(ctx, { q, limit: 20 }).results.length;
      times.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpu0);
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
    return {
      query: q,
      chars: Array.from(q).length,
      hits,
      mean_ms: Number(mean.toFixed(2)),
      p95_ms: Number(p95.toFixed(2)),
      cpu_mean_ms: Number(((cpu.user + cpu.system) / 1000 / RUNS).toFixed(2)),
    };
  });
}

export function runSearchBench(): SearchFigures {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-search-"));
  try {
    const { db, chars } = buildDatabase(path.join(dir, "search.db"));
    const reviewer = { db, user: userOf("usr_3", "reviewer3", "reviewer", { id: "org_3", name: "部门3", kind: "department" }) };
    const drafter = { db, user: userOf("usr_drafter", "drafter", "drafter", { id: "org_team", name: "编制专班", kind: "drafting_team" }) };
    const figures = {
      chars,
      sections: SECTIONS,
      comments: COMMENTS,
      replies: REPLIES,
      target_ms: 50,
      reviewer: measure(reviewer),
      drafter: measure(drafter),
    };
    db.$client.close();
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function searchTable(s: SearchFigures): string {
  const rows = SEARCH_QUERIES.map((q, i) => {
    const r = s.reviewer[i];
    const d = s.drafter[i];
    return `| ${q} (${r.chars}) | ${r.mean_ms} ms | ${r.p95_ms} ms | ${r.cpu_mean_ms} ms | ${d.mean_ms} ms | ${d.p95_ms} ms | ${d.cpu_mean_ms} ms |`;
  });
  return [
    `${s.chars} characters in ${s.sections} sections, ${s.comments} comments, ${s.replies} replies; 20 results per query, ${RUNS} runs each (wall-clock mean and p95, and the process's CPU time per query, which a busy machine does not inflate); target ≤ ${s.target_ms} ms; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores during the run:`,
    "",
    "| query (characters) | reviewer mean | reviewer p95 | reviewer CPU | drafter mean | drafter p95 | drafter CPU |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** Writes the figures into bench/results.json (field `search`) and bench/README.md. */
export function writeSearch(s: SearchFigures): void {
  const results = JSON.parse(readFileSync("bench/results.json", "utf8"));
  writeFileSync("bench/results.json", `${JSON.stringify({ ...results, search: s }, null, 2)}\n`);
  const readme = readFileSync("bench/README.md", "utf8");
  const marker = /<!-- search -->[\s\S]*<!-- \/search -->/;
  const block = `<!-- search -->\nLast search run ${new Date().toISOString()} (Node ${process.version}), ${searchTable(s)}\n<!-- /search -->`;
  writeFileSync("bench/README.md", marker.test(readme) ? readme.replace(marker, block) : `${readme.trimEnd()}\n\n${block}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const s = runSearchBench();
  writeSearch(s);
  console.log(searchTable(s));
}
