// The matrix's reading rows (GET): see access-matrix-fixture.ts for what each column stands for.
import { type Row, statuses } from "./access-matrix-fixture";

// A private round: not invited → 404; experts see every round (docs/ARCHITECTURE.md, "Visibility"),
// whether or not they sit on one of the plan's panels.
const notInvited = { fgw: 404, "gaotai-drafter": 404 };
const drafts = { fgw: 404, swj: 404, expert6: 404, expert1: 404, zrj: 404, "gaotai-drafter": 404, "ganzhou-drafter": 404 };

export const readRows: Row[] = [
  { route: "api.v1.me.ts", method: "GET", what: "who am I", path: () => "/api/v1/me", expect: statuses(200) },
  { route: "api.v1.organizations.ts", method: "GET", what: "organisations", path: () => "/api/v1/organizations", expect: statuses(200) },
  { route: "api.v1.plans._index.ts", method: "GET", what: "plans", path: () => "/api/v1/plans", expect: statuses(200) },
  { route: "api.v1.plans.$planId.ts", method: "GET", what: "甘州区's plan (published parts for others)", path: (i) => `/api/v1/plans/${i.ganzhou.planId}`, expect: statuses(200) },
  { route: "api.v1.plans.$planId.ts", method: "GET", what: "肃南's plan, still drafting", path: (i) => `/api/v1/plans/${i.sunan.planId}`, expect: statuses(200) },
  { route: "api.v1.sections.$sectionId._index.ts", method: "GET", what: "a published section of 甘州区", path: (i) => `/api/v1/sections/${i.ganzhou.sectionId}`, expect: statuses(200) },
  { route: "api.v1.sections.$sectionId._index.ts", method: "GET", what: "an unpublished section of 肃南 (drafts)", path: (i) => `/api/v1/sections/${i.sunan.sectionId}`, expect: statuses(200, drafts) },
  { route: "api.v1.revisions.$revisionId.ts", method: "GET", what: "a published revision of 甘州区", path: (i) => `/api/v1/revisions/${i.ganzhou.revisionId}`, expect: statuses(200) },
  { route: "api.v1.revisions.$revisionId.ts", method: "GET", what: "an unpublished revision of 肃南 (drafts)", path: (i) => `/api/v1/revisions/${i.sunan.revisionId}`, expect: statuses(200, drafts) },
  { route: "api.v1.editions.$editionId._index.ts", method: "GET", what: "甘州区's 征求意见稿", path: (i) => `/api/v1/editions/${i.ganzhou.editionId}`, expect: statuses(200) },
  { route: "api.v1.editions.$fromId.diff.$toId.ts", method: "GET", what: "临泽县 征求意见稿 → 送审稿", path: (i) => `/api/v1/editions/${i.linze.fromEditionId}/diff/${i.linze.toEditionId}`, expect: statuses(200) },
  { route: "api.v1.rounds.$roundId._index.ts", method: "GET", what: "甘州区's private round", path: (i) => `/api/v1/rounds/${i.ganzhou.roundId}`, expect: statuses(200, notInvited) },
  { route: "api.v1.rounds.$roundId.comments.ts", method: "GET", what: "甘州区's round's comments", path: (i) => `/api/v1/rounds/${i.ganzhou.roundId}/comments`, expect: statuses(200, notInvited) },
  { route: "api.v1.comments.$commentId._index.ts", method: "GET", what: "swj's own comment in 甘州区's private round", path: (i) => `/api/v1/comments/${i.ganzhou.swjCommentId}`, expect: statuses(200, { ...notInvited, zrj: 404 }) },
  { route: "api.v1.comments.$commentId._index.ts", method: "GET", what: "市林草局's comment: private from other reviewers", path: (i) => `/api/v1/comments/${i.ganzhou.lcjCommentId}`, expect: statuses(200, { ...notInvited, swj: 404, zrj: 404 }) },
  ...(["csv", "xlsx", "docx"] as const).map(
    (ext): Row => ({
      route: `api.v1.rounds.$roundId.adoption-table[.]${ext}.ts`,
      method: "GET",
      what: `甘州区's adoption table .${ext}`,
      path: (i) => `/api/v1/rounds/${i.ganzhou.roundId}/adoption-table.${ext}`,
      expect: statuses(200, { ...notInvited, swj: 403, zrj: 403 }),
    }),
  ),
  { route: "api.v1.reviews.$reviewId._index.ts", method: "GET", what: "临泽县's review", path: (i) => `/api/v1/reviews/${i.linze.reviewId}`, expect: statuses(404, { expert1: 200, drafter: 200, admin: 200 }) },
  { route: "api.v1.rollup.ts", method: "GET", what: "the roll-up of all plans", path: () => "/api/v1/rollup", expect: statuses(403, { zrj: 200, admin: 200, drafter: 200 }) },
  { route: "api.v1.plans.$planId.indicators.ts", method: "GET", what: "甘州区's indicators", path: (i) => `/api/v1/plans/${i.ganzhou.planId}/indicators`, expect: statuses(200) },
  { route: "api.v1.plans.$planId.indicator-check.ts", method: "GET", what: "the city's roll-up check", path: (i) => `/api/v1/plans/${i.city.planId}/indicator-check`, expect: statuses(403, { zrj: 200, admin: 200, drafter: 200 }) },
  { route: "api.v1.plans.$planId.projects.ts", method: "GET", what: "甘州区's library", path: (i) => `/api/v1/plans/${i.ganzhou.planId}/projects`, expect: statuses(200) },
  { route: "api.v1.plans.$planId.projects[.]xlsx.ts", method: "GET", what: "甘州区's library as .xlsx", path: (i) => `/api/v1/plans/${i.ganzhou.planId}/projects.xlsx`, expect: statuses(200) },
  { route: "api.v1.projects.$projectId.ts", method: "GET", what: "a project of 甘州区", path: (i) => `/api/v1/projects/${i.ganzhou.projectId}`, expect: statuses(200) },
  { route: "api.v1.projects._index.ts", method: "GET", what: "is it in an approved plan?", path: () => "/api/v1/projects?q=湿地", expect: statuses(200) },
  { route: "api.v1.projects.template[.]xlsx.ts", method: "GET", what: "the import template", path: () => "/api/v1/projects/template.xlsx", expect: statuses(200) },
  { route: "api.v1.projects[.]xlsx.ts", method: "GET", what: "the consolidated library", path: () => "/api/v1/projects.xlsx", expect: statuses(403, { zrj: 200, admin: 200 }) },
  { route: "api.v1.plans.$planId.approval.ts", method: "GET", what: "高台县's approval page data", path: (i) => `/api/v1/plans/${i.gaotai.planId}/approval`, expect: statuses(403, { zrj: 200, "gaotai-drafter": 200, drafter: 200, admin: 200 }) },
  { route: "api.v1.plans.$planId.approval.letter.ts", method: "GET", what: "高台县's approval letter (none yet)", path: (i) => `/api/v1/plans/${i.gaotai.planId}/approval/letter`, expect: statuses(404) },
  { route: "api.v1.audit.verify.ts", method: "GET", what: "audit verification", path: () => "/api/v1/audit/verify", expect: statuses(403, { admin: 200 }) },
  { route: "api.v1.$.ts", method: "GET", what: "an unknown API path", path: () => "/api/v1/no-such-thing", expect: statuses(404) },
];
