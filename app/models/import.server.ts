// Word import: read and split a .docx into a preview first; write sections only on confirmation.
import { and, eq, isNull, max } from "drizzle-orm";
import { documentImports, sections } from "~db/schema";
import { checkDocxUpload } from "../lib/docx/check.server";
import { ConversionError } from "../lib/docx/convert-worker.server";
import { docxToSections, type ImportResult } from "../lib/docx/import.server";
import { newId } from "../lib/id";
import { chineseNumeral } from "../lib/numbering";
import { DomainError, forbidden } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { recordAudit } from "./audit.server";
import { bindRow } from "./row-binding.server";
import { planIdOfDocument, requirePlanDrafter } from "./plan-access.server";
import { appendRevision, prepareContentOrThrow } from "./revision.server";

function requireImporter(ctx: Ctx, documentId: string) {
  if (!can(ctx.user, "create:section:any")) throw forbidden();
  requirePlanDrafter(ctx, planIdOfDocument(ctx.db, documentId));
}

/** Checks and converts an uploaded file and keeps the result as a preview; writes no section. */
export async function previewImport(ctx: Ctx, documentId: string, file: { name: string; bytes: Uint8Array }) {
  requireImporter(ctx, documentId);
  const problem = await checkDocxUpload(file.bytes, file.name);
  if (problem?.kind === "empty")
    throw new DomainError("invalid", "import.noFile", {}, { issues: [{ path: "file", message: "import.noFile" }] });
  if (problem?.kind === "too_large") throw new DomainError("too_large", "import.tooLarge");
  if (problem?.kind === "unpacked_too_large") throw new DomainError("too_large", "import.unpackedTooLarge");
  if (problem)
    throw new DomainError("invalid", "import.notDocx", { reason: problem.reason }, { issues: [{ path: "file", message: problem.reason }] });
  let result: ImportResult;
  try {
    result = await docxToSections(file.bytes);
  } catch (e) {
    // mammoth runs in a worker with a memory cap and a time limit: a document that exhausts either is refused
    if (e instanceof ConversionError && e.kind === "out_of_memory") throw new DomainError("too_large", "import.tooComplex");
    if (e instanceof ConversionError && e.kind === "timeout") throw new DomainError("too_large", "import.tooSlow");
    throw new DomainError("invalid", "import.notDocx", { reason: e instanceof Error ? e.message.slice(0, 120) : "?" });
  }
  if (!result.sections.length) throw new DomainError("invalid", "import.empty");
  const id = newId("imp");
  ctx.db
    .insert(documentImports)
    .values({ id, documentId, userId: ctx.user.id, fileName: file.name.slice(0, 200), payload: result })
    .run();
  return { id };
}

/** A pending preview, only for the user who uploaded it. */
export function getImport(ctx: Ctx, documentId: string, importId: string) {
  requireImporter(ctx, documentId);
  const row = ctx.db
    .select()
    .from(documentImports)
    .where(
      and(
        eq(documentImports.id, importId),
        eq(documentImports.documentId, documentId),
        eq(documentImports.userId, ctx.user.id),
        isNull(documentImports.confirmedAt),
      ),
    )
    .get();
  if (!row) throw new DomainError("not_found", "import.expired");
  return { id: row.id, fileName: row.fileName, createdAt: row.createdAt, result: row.payload as ImportResult };
}

/**
 * Appends the previewed sections to the document in one transaction: chapters (level 1) at the end,
 * sections (level 2) under the chapter before them.
 */
export function confirmImport(ctx: Ctx, documentId: string, importId: string) {
  const pending = getImport(ctx, documentId, importId);
  const prepared = pending.result.sections.map((s) => ({ ...s, prepared: prepareContentOrThrow(s.content) }));
  return ctx.db.transaction((tx) => {
    let order =
      (tx
        .select({ m: max(sections.sortOrder) })
        .from(sections)
        .where(eq(sections.documentId, documentId))
        .get()?.m ?? -1) + 1;
    const existingChapters = tx
      .select({ id: sections.id })
      .from(sections)
      .where(and(eq(sections.documentId, documentId), isNull(sections.parentId), isNull(sections.retiredAt)))
      .all();
    let chapterCount = existingChapters.length;
    let parentId: string | null = null;
    let childCount = 0;
    const created: string[] = [];
    const revisionIds: string[] = [];
    for (const s of prepared) {
      const id = newId("sec");
      const isChild = s.level === 2 && parentId !== null;
      if (!isChild) {
        chapterCount++;
        childCount = 0;
      } else childCount++;
      const number = s.number ?? (isChild ? `第${chineseNumeral(childCount)}节` : `第${chineseNumeral(chapterCount)}章`);
      tx.insert(sections)
        .values({
          id,
          documentId,
          parentId: isChild ? parentId : null,
          number,
          title: s.title.slice(0, 100) || "（无标题）",
          sortOrder: order++,
        })
        .run();
      const revision = appendRevision(tx, {
        sectionId: id,
        parentRevisionId: null,
        authorId: ctx.user.id,
        note: `从 Word 导入：${pending.fileName}`,
        prepared: s.prepared,
      });
      if (!isChild) parentId = id;
      created.push(id);
      revisionIds.push(revision.id);
    }
    tx.update(documentImports).set({ confirmedAt: new Date() }).where(eq(documentImports.id, importId)).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "document.import",
      entityType: "document",
      entityId: documentId,
      data: { importId, fileName: pending.fileName, sections: created },
      bound: revisionIds.map((r) => bindRow(tx, "revisions", r)),
    });
    return { created: created.length };
  });
}
