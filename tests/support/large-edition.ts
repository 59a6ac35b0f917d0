// A large published edition with an open round and many comments, made through the domain functions
// (as drafters and reviewers would): for the reading view's size bounds and the by-chapter e2e test.
import { eq, like } from "drizzle-orm";
import type { Db } from "~db/client";
import { plans, sections } from "~db/schema";
import { login } from "../../app/models/auth.server";
import { type SessionUser, validateSession } from "../../app/utils/auth.server";
import type { Ctx } from "../../app/utils/session.server";
import { createComment } from "../../app/models/comment-create.server";
import { publishEdition } from "../../app/models/edition.server";
import { createRevision } from "../../app/models/revision.server";
import { openRound } from "../../app/models/round.server";
import { addSection } from "../../app/models/section.server";
import { createDocument } from "../../app/models/document.server";
import { rng } from "../../app/lib/random";

const PHRASES = [
  "黑河流域中游绿洲区",
  "祁连山北麓水源涵养区",
  "坚持山水林田湖草沙一体化保护和系统治理",
  "以退化草原修复和历史遗留矿山生态修复为重点",
  "统筹推进水土流失综合治理",
  "到二〇三五年生态系统质量明显改善",
  "严格落实生态保护红线管控要求",
  "加强湿地保护与河道生态修复",
  "实施国土综合整治和生态型土地整理",
  "建立健全生态修复项目全过程监管机制",
  "因地制宜采取自然恢复为主、人工修复为辅的措施",
  "推进沙化土地封禁保护和防风固沙林建设",
];

/**
 * Runs one domain operation, again if another connection (a running server) held the write lock: a
 * transaction that failed with SQLITE_BUSY was rolled back, so a retry is safe.
 */
function retrying<T>(fn: () => T): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return fn();
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith("SQLITE_BUSY") !== true || attempt >= 200) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25 + Math.floor(attempt * 5));
    }
  }
}

async function ctxOf(db: Db, username: string): Promise<Ctx> {
  for (let attempt = 0; ; attempt++) {
    try {
      const { setCookie } = await login(db, { username, password: "zhangye-2021", ip: `10.9.0.${username.length}` });
      const sessionId = /portal_session=([^;]+)/.exec(setCookie)![1];
      return { db, user: (await validateSession(db, sessionId)) as SessionUser };
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith("SQLITE_BUSY") !== true || attempt >= 50) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Deterministic Chinese-looking text of about `chars` characters, in paragraphs of ~300. */
export function paragraphs(random: () => number, chars: number): string[] {
  const out: string[] = [];
  let total = 0;
  while (total < chars) {
    let p = "";
    while (p.length < 280) p += `${PHRASES[Math.floor(random() * PHRASES.length)]}${random() < 0.7 ? "，" : "。"}`;
    p = `${p.slice(0, -1)}。`;
    out.push(p);
    total += p.length + 1;
  }
  return out;
}

export interface LargeEdition {
  planId: string;
  documentId: string;
  editionId: string;
  roundId: string;
  /** section ids in reading order */
  sectionIds: string[];
  chars: number;
  comments: number;
}

/**
 * In 肃南县's plan (still drafting): a 说明书 of `chapters` chapters × `perChapter` sections (the
 * chapter heading sections hold text too), ~`chars` characters in all, published, a shared round
 * inviting the organisations of `reviewers` (肃南县 and 甘州区 by default), and `comments` comments by
 * them on passages of sections spread over the document (every third one on the whole section).
 */
export async function createLargeEdition(
  db: Db,
  { chapters = 15, perChapter = 19, chars = 500_000, comments = 300, seed = 12, reviewers: reviewerNames = ["sunan", "ganzhou"] } = {},
): Promise<LargeEdition> {
  const random = rng(seed);
  const drafter = await ctxOf(db, "sunan-drafter");
  const plan = db.select({ id: plans.id }).from(plans).where(like(plans.title, "%肃南%")).get()!;
  const { id: documentId } = retrying(() =>
    createDocument(drafter, plan.id, { title: "国土空间生态修复规划说明书（长文本）", kind: "explanation" }),
  );
  const perSection = Math.round(chars / (chapters * (perChapter + 1)));
  const sectionIds: string[] = [];
  const texts = new Map<string, string[]>();
  let total = 0;
  const write = (sectionId: string, size: number) => {
    const paras = paragraphs(random, size);
    const current = db.select({ rev: sections.currentRevisionId }).from(sections).where(eq(sections.id, sectionId)).get()!.rev!;
    retrying(() =>
      createRevision(drafter, sectionId, {
        baseRevisionId: current,
        content: { type: "doc", content: paras.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })) },
        note: "",
      }),
    );
    texts.set(sectionId, paras);
    total += paras.join("\n").length;
  };
  for (let c = 1; c <= chapters; c++) {
    const { id: chapterId } = retrying(() => addSection(drafter, documentId, { title: `${PHRASES[c % PHRASES.length]}（第${c}部分）` }));
    sectionIds.push(chapterId);
    write(chapterId, perSection);
    for (let s = 1; s <= perChapter; s++) {
      const { id } = retrying(() =>
        addSection(drafter, documentId, { title: `${PHRASES[(c + s) % PHRASES.length].slice(0, 12)}（${c}.${s}）`, parentId: chapterId }),
      );
      sectionIds.push(id);
      write(id, perSection);
    }
  }
  const { id: editionId } = retrying(() => publishEdition(drafter, documentId, { label: "征求意见稿" }));
  const reviewers = await Promise.all(reviewerNames.map((u) => ctxOf(db, u)));
  const orgIds = [...new Set(reviewers.map((r) => r.user.organization.id))];
  const { id: roundId } = retrying(() =>
    openRound(drafter, editionId, {
      title: "说明书（长文本）征求意见",
      closesAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      invitedOrganizationIds: orgIds,
      visibility: "shared",
    }),
  );
  for (let i = 0; i < comments; i++) {
    const sectionId = sectionIds[Math.floor((i * sectionIds.length) / comments)];
    const text = texts.get(sectionId)!.join("\n");
    const start = Math.floor(random() * (text.length - 40));
    const exact = text.slice(start, start + 12);
    const anchor = i % 3 === 2 || exact.includes("\n") ? null : { exact, prefix: "", suffix: "", start, end: start + exact.length };
    retrying(() =>
      createComment(reviewers[i % reviewers.length], roundId, {
        sectionId,
        anchor,
        body: `第${i + 1}条意见：建议进一步明确${PHRASES[i % PHRASES.length]}的具体措施、责任单位和完成时限。`,
        category: i % 4 === 0 ? "question" : "revise",
      }),
    );
  }
  return { planId: plan.id, documentId, editionId, roundId, sectionIds, chars: total, comments };
}
