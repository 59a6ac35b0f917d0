// The matrix's rows on the city plan: its drafting team (`drafter`) writes here, county drafters do not;
// every reviewer is invited to the city's round. See access-matrix-fixture.ts for the columns.
import { type Row, statuses } from "./access-matrix-fixture";

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

export const cityRows: Row[] = [
  {
    route: "api.v1.sections.$sectionId.revisions.ts",
    method: "POST",
    what: "save a revision of the city plan's section",
    path: (i) => `/api/v1/sections/${i.city.sectionId}/revisions`,
    body: (i, a) => ({ baseRevisionId: i.city.revisionId, content: paragraph(`矩阵测试修改（${a}）`), note: "矩阵测试" }),
    order: ["anon", "fgw", "swj", "expert6", "expert1", "zrj", "gaotai-drafter", "ganzhou-drafter", "admin", "drafter"],
    expect: statuses(403, { drafter: 201 }),
  },
  {
    route: "api.v1.plans.$planId.indicators.ts",
    method: "GET",
    what: "the city's indicators",
    path: (i) => `/api/v1/plans/${i.city.planId}/indicators`,
    expect: statuses(200),
  },
  {
    route: "api.v1.plans.$planId.indicator-check.ts",
    method: "GET",
    what: "a county plan has no roll-up check",
    path: (i) => `/api/v1/plans/${i.ganzhou.planId}/indicator-check`,
    expect: statuses(404),
  },
  {
    route: "api.v1.rounds.$roundId._index.ts",
    method: "GET",
    what: "临泽县's closed round",
    path: (i) => `/api/v1/rounds/${i.linze.closedRoundId}`,
    expect: statuses(200, { fgw: 404, "gaotai-drafter": 404, "ganzhou-drafter": 404 }),
  },
];
