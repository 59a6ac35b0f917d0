// The matrix's writing rows: see access-matrix-fixture.ts for the columns. Bodies are valid, so a status
// reflects the permission (and the record's state), not validation. Actors call in ACTORS order, the
// least entitled first: the one success of a row comes last, after every refusal was seen on the
// untouched record. Rows run in order; a later row may see what an earlier one did (noted).
import { shanghaiDate } from "../../app/lib/time";
import { type Actor, type Row, statuses } from "./access-matrix-fixture";

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const today = () => shanghaiDate(Date.now());
/** only the plan's own drafter may write to 甘州区's plan */
const ganzhouDrafterOnly = (ok: number, some: Record<string, number> = {}) => statuses(403, { "ganzhou-drafter": ok, ...some });

export const writeRows: Row[] = [
  // drafting
  {
    route: "api.v1.sections.$sectionId.revisions.ts",
    method: "POST",
    what: "save a revision of 甘州区's section",
    path: (i) => `/api/v1/sections/${i.ganzhou.sectionId}/revisions`,
    body: (i, a) => ({ baseRevisionId: i.ganzhou.revisionId, content: paragraph(`矩阵测试修改（${a}）`), note: "矩阵测试" }),
    expect: ganzhouDrafterOnly(201),
  },
  {
    route: "api.v1.documents.$documentId.editions.ts",
    method: "POST",
    what: "publish an edition of 甘州区's plan text",
    path: (i) => `/api/v1/documents/${i.ganzhou.documentId}/editions`,
    body: (_i, a) => ({ label: `矩阵测试稿${a.length}` }),
    expect: ganzhouDrafterOnly(201),
  },
  {
    route: "api.v1.plans.$planId.indicators.ts",
    method: "PUT",
    what: "save 甘州区's indicator table",
    path: (i) => `/api/v1/plans/${i.ganzhou.planId}/indicators`,
    body: (i) => i.ganzhouIndicators,
    expect: ganzhouDrafterOnly(200),
  },
  // the key-project library
  {
    route: "api.v1.plans.$planId.projects.ts",
    method: "POST",
    what: "add a project to 甘州区's library",
    path: (i) => `/api/v1/plans/${i.ganzhou.planId}/projects`,
    body: (_i, a: Actor) => ({
      name: `矩阵测试湿地修复项目（${a}）`,
      type: "river_wetland",
      county: "甘州区",
      township: "党寨镇",
      areaHa: 12.5,
      investmentWan: 300,
      period: "2026-2030",
    }),
    expect: ganzhouDrafterOnly(201),
  },
  {
    route: "api.v1.projects.$projectId.ts",
    method: "PATCH",
    what: "edit a project of 甘州区",
    path: (i) => `/api/v1/projects/${i.ganzhou.projectId}`,
    body: () => ({ township: "矩阵乡" }),
    expect: ganzhouDrafterOnly(200),
  },
  {
    route: "api.v1.plans.$planId.project-imports.ts",
    method: "POST",
    what: "preview an import into 甘州区's library (its own workbook)",
    path: (i) => `/api/v1/plans/${i.ganzhou.planId}/project-imports`,
    raw: async (i) => ({
      bytes: i.ganzhouLibraryXlsx,
      headers: { "Content-Type": "application/octet-stream", "X-File-Name": encodeURIComponent("甘州区项目库.xlsx") },
    }),
    expect: ganzhouDrafterOnly(201),
    keep: (i, json) => {
      i.state.importId = (json as { id: string }).id;
    },
  },
  {
    route: "api.v1.plans.$planId.project-imports.$importId.ts",
    method: "GET",
    what: "the import preview (its uploader's)",
    path: (i) => `/api/v1/plans/${i.ganzhou.planId}/project-imports/${i.state.importId}`,
    expect: ganzhouDrafterOnly(200),
  },
  {
    route: "api.v1.plans.$planId.project-imports.$importId.ts",
    method: "POST",
    what: "confirm the import",
    path: (i) => `/api/v1/plans/${i.ganzhou.planId}/project-imports/${i.state.importId}`,
    expect: ganzhouDrafterOnly(200),
  },
  // consultation
  {
    route: "api.v1.editions.$editionId.rounds.ts",
    method: "POST",
    what: "open a round on 甘州区's 征求意见稿",
    path: (i) => `/api/v1/editions/${i.ganzhou.editionId}/rounds`,
    body: (i) => ({
      title: "矩阵测试征求意见",
      closesAt: inDays(10),
      invitedOrganizationIds: [i.swjOrganizationId],
      visibility: "private",
    }),
    expect: ganzhouDrafterOnly(201),
  },
  {
    route: "api.v1.rounds.$roundId.comments.ts",
    method: "POST",
    what: "comment in 甘州区's private round",
    path: (i) => `/api/v1/rounds/${i.ganzhou.roundId}/comments`,
    body: (i) => ({ sectionId: i.ganzhou.sectionId, anchor: null, body: "矩阵测试意见：建议补充数据来源。", category: "question" }),
    expect: statuses(403, { fgw: 404, swj: 201, zrj: 201 }),
  },
  {
    route: "api.v1.comments.$commentId.replies.ts",
    method: "POST",
    what: "reply to 市水务局's comment",
    path: (i) => `/api/v1/comments/${i.ganzhou.swjCommentId}/replies`,
    body: () => ({ body: "矩阵测试回复。" }),
    // everyone who sees a comment may reply (experts see every round); drafters only in their own plan
    expect: statuses(201, { fgw: 404, zrj: 404, "gaotai-drafter": 404, drafter: 403 }),
  },
  {
    route: "api.v1.comments.$commentId.response.ts",
    method: "PUT",
    what: "answer 市水务局's comment",
    path: (i) => `/api/v1/comments/${i.ganzhou.swjCommentId}/response`,
    body: () => ({ decision: "noted", reason: "矩阵测试：已说明。" }),
    expect: ganzhouDrafterOnly(200),
  },
  // similar comments answered together, and assignment (the plan's own drafters write; those who see
  // the plan's drafts read the groups)
  {
    route: "api.v1.rounds.$roundId.groups.ts",
    method: "GET",
    what: "groups and proposals of 甘州区's round",
    path: (i) => `/api/v1/rounds/${i.ganzhou.roundId}/groups`,
    expect: statuses(403, { drafter: 200, admin: 200, "ganzhou-drafter": 200 }),
  },
  {
    route: "api.v1.rounds.$roundId.groups.ts",
    method: "POST",
    what: "group two comments of 甘州区's round",
    path: (i) => `/api/v1/rounds/${i.ganzhou.roundId}/groups`,
    body: (i) => ({ commentIds: [i.ganzhou.swjCommentId, i.ganzhou.lcjCommentId] }),
    expect: ganzhouDrafterOnly(201),
    keep: (i, json) => {
      i.state.groupId = (json as { id: string }).id;
    },
  },
  {
    route: "api.v1.groups.$groupId.response.ts",
    method: "PUT",
    what: "answer the group once (after the row above)",
    path: (i) => `/api/v1/groups/${i.state.groupId}/response`,
    body: () => ({ decision: "noted", reason: "矩阵测试：合并说明。" }),
    expect: ganzhouDrafterOnly(200),
  },
  {
    route: "api.v1.comments.$commentId.assignee.ts",
    method: "PUT",
    what: "clear the assignee of 市水务局's comment",
    path: (i) => `/api/v1/comments/${i.ganzhou.swjCommentId}/assignee`,
    body: () => ({ assigneeId: null }),
    expect: ganzhouDrafterOnly(200),
  },
  {
    route: "api.v1.groups.$groupId._index.ts",
    method: "DELETE",
    what: "dissolve the group (answers stay)",
    path: (i) => `/api/v1/groups/${i.state.groupId}`,
    expect: ganzhouDrafterOnly(200),
  },
  {
    route: "api.v1.rounds.$roundId.submissions.ts",
    method: "POST",
    what: "the formal reply (反馈函) to 甘州区's round",
    path: (i) => `/api/v1/rounds/${i.ganzhou.roundId}/submissions`,
    body: () => ({ statement: "矩阵测试：无意见。" }),
    expect: statuses(403, { fgw: 404, swj: 201, zrj: 201 }),
  },
  // technical review
  {
    route: "api.v1.editions.$editionId.reviews.ts",
    method: "POST",
    what: "set up a review of 甘州区's 征求意见稿",
    path: (i) => `/api/v1/editions/${i.ganzhou.editionId}/reviews`,
    body: (i) => ({ title: "矩阵测试审查", expertUserIds: [i.expert1Id], chairUserId: i.expert1Id, quorum: 1 }),
    // admins may set up any plan's review (review.server.ts#createReview)
    expect: ganzhouDrafterOnly(201, { admin: 201 }),
  },
  {
    route: "api.v1.reviews.$reviewId.signoffs.ts",
    method: "POST",
    what: "sign off 临泽县's review (the chair has not signed yet)",
    path: (i) => `/api/v1/reviews/${i.linze.reviewId}/signoffs`,
    body: (i) => ({ conclusion: "approve", opinion: "矩阵测试：同意通过。", manifestHash: i.linze.reviewManifestHash }),
    expect: statuses(403, { expert1: 201 }),
  },
  {
    route: "api.v1.reviews.$reviewId.conclusion.ts",
    method: "POST",
    what: "the panel conclusion of 临泽县's review (quorum reached by the row above)",
    path: (i) => `/api/v1/reviews/${i.linze.reviewId}/conclusion`,
    body: () => ({ conclusion: "approve", opinion: "矩阵测试：专家组同意通过。" }),
    expect: statuses(403, { expert1: 201, fgw: 404, swj: 404, zrj: 404, expert6: 404, "gaotai-drafter": 404, "ganzhou-drafter": 404 }),
  },
  {
    route: "api.v1.reviews.$reviewId.confirmation.ts",
    method: "POST",
    what: "the chair's confirmation on 高台县's 报批稿 (already confirmed)",
    path: (i) => `/api/v1/reviews/${i.gaotai.reviewId}/confirmation`,
    body: (i) => ({ editionId: i.gaotai.laterEditionId }),
    expect: statuses(403, { expert1: 409, fgw: 404, swj: 404, zrj: 404, expert6: 404, "ganzhou-drafter": 404 }),
  },
  // approval and filing
  {
    route: "api.v1.plans.$planId.approval-request.ts",
    method: "POST",
    what: "request approval of 甘州区's plan (the gate is not met)",
    path: (i) => `/api/v1/plans/${i.ganzhou.planId}/approval-request`,
    body: (i) => ({ editionId: i.ganzhou.editionId }),
    expect: ganzhouDrafterOnly(409),
  },
  {
    route: "api.v1.plans.$planId.approval-request.ts",
    method: "DELETE",
    what: "withdraw 甘州区's approval request (there is none)",
    path: (i) => `/api/v1/plans/${i.ganzhou.planId}/approval-request`,
    expect: ganzhouDrafterOnly(409),
  },
  {
    route: "api.v1.plans.$planId.approval.ts",
    method: "POST",
    what: "record 甘州区's approval (not requested)",
    path: (i) => `/api/v1/plans/${i.ganzhou.planId}/approval`,
    body: () => ({ authority: "甘州区人民政府", documentNumber: "甘政函〔2026〕12号", approvedOn: today() }),
    expect: ganzhouDrafterOnly(409),
  },
  {
    route: "api.v1.plans.$planId.approval.letter.ts",
    method: "POST",
    what: "attach 甘州区's approval letter (no approval)",
    path: (i) => `/api/v1/plans/${i.ganzhou.planId}/approval/letter`,
    raw: async () => ({
      bytes: new TextEncoder().encode("%PDF-1.4\n%矩阵测试\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
      headers: { "Content-Type": "application/pdf" },
    }),
    expect: ganzhouDrafterOnly(409),
  },
  {
    route: "api.v1.plans.$planId.filing.ts",
    method: "POST",
    what: "file 甘州区's plan (not approved)",
    path: (i) => `/api/v1/plans/${i.ganzhou.planId}/filing`,
    body: () => ({ filedOn: today() }),
    expect: statuses(403, { zrj: 409 }),
  },
  {
    route: "api.v1.plans.$planId.filing.ts",
    method: "POST",
    what: "file 山丹县's approved plan",
    path: (i) => `/api/v1/plans/${i.shandan.planId}/filing`,
    body: () => ({ filedOn: today(), filingNumber: "张自然资备〔2026〕9号" }),
    order: ["anon", "fgw", "swj", "expert6", "expert1", "gaotai-drafter", "drafter", "admin", "ganzhou-drafter", "zrj"],
    expect: statuses(403, { zrj: 201 }),
  },
];
