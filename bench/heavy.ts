// Every heavy request kind at 32 connections for a short while, so the peak RSS the bench reports covers
// them all, not only the reading views: the large edition's pages (drafter and reviewer, with and without
// the round, the second edition), the diff page and API, the round's 2,000-comment API page, the
// workbench, the edition's .docx and the adoption table's .docx. Each kind is a phase of its own in
// details.memory_by_phase; the answers' statuses are counted (an export refused 429 by the export queue
// would show here).
import type { BenchFixture } from "./fixture";
import { load } from "./load";
import { type Portal, phase } from "./portal";

export async function heavyRequests(portal: Portal, f: BenchFixture, cookies: { drafter: string; reviewer: string }, seconds = 2) {
  const [e0, e1] = f.large.editionIds;
  const round = f.large.roundId;
  const kinds: [string, string, string][] = [
    ["large edition, drafter, with the round", `/editions/${e0}?round=${round}`, cookies.drafter],
    ["large edition, reviewer, with the round", `/editions/${e0}?round=${round}`, cookies.reviewer],
    ["large edition, no round", `/editions/${e0}`, cookies.drafter],
    ["large edition, second edition", `/editions/${e1}`, cookies.drafter],
    ["diff page of the two editions", `/editions/${e0}/diff/${e1}`, cookies.drafter],
    ["diff API", `/api/v1/editions/${e0}/diff/${e1}`, cookies.drafter],
    ["comments API, 2,000 comments", `/api/v1/rounds/${round}/comments`, cookies.drafter],
    ["workbench", `/rounds/${round}/workbench`, cookies.drafter],
    ["edition .docx", `/editions/${e0}/export.docx`, cookies.drafter],
    ["adoption table .docx", `/api/v1/rounds/${round}/adoption-table.docx`, cookies.drafter],
  ];
  const statuses: Record<string, Record<number, number>> = {};
  for (const [name, path, cookie] of kinds) {
    phase(`32 connections: ${name}`);
    const run = await load(portal.base, () => ({ path, headers: { Cookie: cookie } }), { seconds });
    statuses[name] = run.statuses;
  }
  return statuses;
}
