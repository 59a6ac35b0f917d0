// The route × role × other-organisation access matrix: who may call which /api/v1 route, checked over
// HTTP against the built server with the demo seed (one fresh database per test file).
//
// The columns are demo accounts, each standing for a kind of caller:
//   anon             no session
//   admin            administrator (张掖市自然资源局)
//   drafter          the city's drafting team (drafts the city plan, reads every plan's drafts)
//   ganzhou-drafter  a county drafter: the plan's own drafter where a row targets 甘州区
//   gaotai-drafter   a county drafter of ANOTHER plan where a row targets 甘州区 (or the city, 临泽县 …)
//   swj              a reviewer (市水务局) invited to every round of the demo
//   fgw              a reviewer (市发展和改革委员会) invited only to the city's round: not invited to 甘州区's
//   expert1          an expert on every panel (and its chair)
//   expert6          an expert on no panel (added to 专家组 for these tests)
//   zrj              the coordinator (张掖市自然资源局; invited to the county rounds)
import { readdirSync } from "node:fs";
import { expect } from "vitest";
import { openDatabase } from "~db/client";
import { addUser, orgId } from "./plan-fixtures";
import { startServer, type TestServer } from "./server";

export const ACTORS = ["anon", "fgw", "swj", "expert6", "expert1", "zrj", "gaotai-drafter", "drafter", "admin", "ganzhou-drafter"] as const;
export type Actor = (typeof ACTORS)[number];
export type Expected = Record<Actor, number>;

/** The demo records the rows point at, found through the API as admin. */
export interface Ids {
  city: PlanIds;
  ganzhou: PlanIds & { roundId: string; swjCommentId: string; lcjCommentId: string; projectId: string };
  linze: PlanIds & { reviewId: string; reviewManifestHash: string; fromEditionId: string; toEditionId: string; closedRoundId: string };
  gaotai: PlanIds & { reviewId: string; laterEditionId: string };
  shandan: PlanIds;
  sunan: PlanIds;
  swjOrganizationId: string;
  expert1Id: string;
  ganzhouIndicators: unknown;
  ganzhouLibraryXlsx: Uint8Array;
  /** filled in by earlier rows (e.g. the import a drafter previewed) */
  state: Record<string, string>;
}
export interface PlanIds {
  planId: string;
  documentId: string;
  sectionId: string;
  revisionId: string;
  editionId: string | null;
}

export interface Row {
  /** the file under app/routes this row exercises */
  route: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  what: string;
  path: (ids: Ids) => string;
  body?: (ids: Ids, actor: Actor) => unknown;
  /** a raw body (uploads) instead of JSON */
  raw?: (ids: Ids) => Promise<{ bytes: Uint8Array; headers: Record<string, string> }>;
  expect: Expected;
  /** the order the actors call in (default ACTORS: the least entitled first, so a success comes last) */
  order?: readonly Actor[];
  /** keep something from a successful answer for later rows */
  keep?: (ids: Ids, json: unknown) => void;
}

/** Every status the same but some. */
export function statuses(all: number, some: Partial<Expected> = {}): Expected {
  return { ...(Object.fromEntries(ACTORS.map((a) => [a, all])) as Expected), anon: 401, ...some };
}

export interface Matrix {
  s: TestServer;
  ids: Ids;
  cookies: Record<Exclude<Actor, "anon">, string>;
}

export async function startMatrix(): Promise<Matrix> {
  const s = await startServer();
  const db = openDatabase(s.dbFile, { runMigrations: false });
  try {
    addUser(db, "expert6", "expert", orgId(db, "专家组"));
  } finally {
    db.$client.close();
  }
  const cookies = {} as Matrix["cookies"];
  for (const a of ACTORS) if (a !== "anon") cookies[a] = await s.loginAs(a);
  const ids = await discover(s, cookies.admin);
  return { s, ids, cookies };
}

async function json(s: TestServer, path: string, cookie: string) {
  const res = await s.get(path, cookie);
  expect(res.status, path).toBe(200);
  return res.json();
}

async function planIds(s: TestServer, cookie: string, planId: string) {
  const plan = await json(s, `/api/v1/plans/${planId}`, cookie);
  const text = plan.documents.find((d: { kind: string }) => d.kind === "text");
  const section = text.sections[0];
  const editions = plan.editions.filter((e: { documentId: string }) => e.documentId === text.id);
  return {
    plan,
    ids: {
      planId,
      documentId: text.id,
      sectionId: section.id,
      revisionId: section.currentRevisionId,
      editionId: editions[0]?.id ?? null,
    } as PlanIds,
    editions,
  };
}

const labelled = (editions: { id: string; label: string }[], label: string) => editions.find((e) => e.label === label)!.id;

async function discover(s: TestServer, admin: string): Promise<Ids> {
  const plans: { id: string; region: string; level: string }[] = await json(s, "/api/v1/plans", admin);
  const byRegion = (r: string) => plans.find((p) => p.region.startsWith(r))!.id;
  const city = await planIds(s, admin, plans.find((p) => p.level === "city")!.id);
  const ganzhou = await planIds(s, admin, byRegion("甘州区"));
  const roundId = ganzhou.plan.rounds[0].id;
  const comments: { id: string; author: { username: string } }[] = await json(s, `/api/v1/rounds/${roundId}/comments`, admin);
  const projects: { id: string }[] = await json(s, `/api/v1/plans/${ganzhou.ids.planId}/projects`, admin);
  const linze = await planIds(s, admin, byRegion("临泽县"));
  const linzeReview = await json(s, `/api/v1/reviews/${linze.plan.reviews[0].id}`, admin);
  const gaotai = await planIds(s, admin, byRegion("高台县"));
  const organizations: { id: string; name: string }[] = await json(s, "/api/v1/organizations", admin);
  const expert1 = await (await s.get("/api/v1/me", await s.loginAs("expert1"))).json();
  const xlsx = await s.get(`/api/v1/plans/${ganzhou.ids.planId}/projects.xlsx`, admin);
  expect(xlsx.status).toBe(200);
  return {
    swjOrganizationId: organizations.find((o) => o.name === "市水务局")!.id,
    expert1Id: expert1.id,
    ganzhouIndicators: await json(s, `/api/v1/plans/${ganzhou.ids.planId}/indicators`, admin),
    ganzhouLibraryXlsx: new Uint8Array(await xlsx.arrayBuffer()),
    city: city.ids,
    ganzhou: {
      ...ganzhou.ids,
      roundId,
      swjCommentId: comments.find((c) => c.author.username === "swj")!.id,
      lcjCommentId: comments.find((c) => c.author.username === "lcj")!.id,
      projectId: projects[0].id,
    },
    linze: {
      ...linze.ids,
      reviewId: linzeReview.id,
      reviewManifestHash: linzeReview.manifestHash,
      fromEditionId: labelled(linze.editions, "征求意见稿"),
      toEditionId: labelled(linze.editions, "送审稿"),
      closedRoundId: linze.plan.rounds[0].id,
    },
    gaotai: { ...gaotai.ids, reviewId: gaotai.plan.reviews[0].id, laterEditionId: labelled(gaotai.editions, "报批稿") },
    shandan: (await planIds(s, admin, byRegion("山丹县"))).ids,
    sunan: (await planIds(s, admin, byRegion("肃南"))).ids,
    state: {},
  };
}

/** Runs one row: every actor calls, in order; returns the statuses seen. */
export async function runRow(m: Matrix, row: Row): Promise<Expected> {
  const seen = {} as Expected;
  for (const actor of row.order ?? ACTORS) {
    const headers: Record<string, string> = { Origin: m.s.base };
    if (actor !== "anon") headers.Cookie = m.cookies[actor];
    let body: BodyInit | undefined;
    if (row.raw) {
      const raw = await row.raw(m.ids);
      Object.assign(headers, raw.headers);
      body = new Uint8Array(raw.bytes);
    } else if (row.body) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(row.body(m.ids, actor));
    }
    const res = await fetch(`${m.s.base}${row.path(m.ids)}`, { method: row.method, headers, body, redirect: "manual" });
    seen[actor] = res.status;
    if (process.env.MATRIX_DEBUG && res.status >= 400 && res.status !== 401 && res.status !== 403 && res.status !== 404)
      console.log(actor, row.method, row.path(m.ids), res.status, await res.clone().text());
    const type = res.headers.get("content-type") ?? "";
    if (res.status < 300 && row.keep && type.includes("json")) row.keep(m.ids, await res.json());
    else await res.arrayBuffer();
  }
  return seen;
}

/** The api route files, as the coverage check sees them. */
export function apiRouteFiles(): string[] {
  return readdirSync("app/routes")
    .filter((f) => f.startsWith("api.v1."))
    .sort();
}
