// Library workbooks over HTTP: downloads (template, a plan's library, the consolidated library) and
// reading an uploaded workbook's bytes with the size limit enforced while reading.
import type { Locale } from "~db/schema";
import { translator } from "~/i18n";
import { MAX_IMPORT_BYTES } from "~/lib/projects/limits";
import { fieldLabel, problemText } from "~/lib/projects/messages";
import { libraryTemplateXlsx, libraryXlsx } from "~/lib/projects/xlsx";
import { consolidatedLibraryRows, planLibraryRows } from "~/models/project-lookup.server";
import type { projectImportJson } from "~/models/project-import.server";
import { shanghaiDate } from "~/lib/time";
import { DomainError } from "~/utils/errors";
import { fileResponse } from "~/utils/file-response.server";
import type { Ctx } from "~/utils/session.server";
import { FORM_OVERHEAD_BYTES, formFile, readBodyCapped, readFormCapped } from "~/utils/upload.server";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const download = (body: Buffer, asciiName: string, fileName: string) => fileResponse(body, XLSX, fileName, asciiName);

export async function templateResponse(_ctx: Ctx) {
  return download(await libraryTemplateXlsx(), "key-projects-template.xlsx", "重点项目库模板.xlsx");
}

export async function planLibraryResponse(ctx: Ctx, planId: string) {
  const { plan, rows } = planLibraryRows(ctx, planId);
  return download(await libraryXlsx(rows), "key-projects.xlsx", `${plan.title}重点项目库（${shanghaiDate(Date.now())}）.xlsx`);
}

export async function consolidatedResponse(ctx: Ctx) {
  const { rows, summary } = consolidatedLibraryRows(ctx);
  return download(
    await libraryXlsx(rows, { planColumn: true, summary }),
    "key-projects-all.xlsx",
    `张掖市重点项目汇总库（${shanghaiDate(Date.now())}）.xlsx`,
  );
}

const tooLarge = () => new DomainError("too_large", "library.import.tooLarge", {}, { issues: [{ path: "file", message: "" }] });
const noFile = () => new DomainError("invalid", "library.import.noFile", {}, { issues: [{ path: "file", message: "" }] });

/** The upload caps of utils/upload.server.ts, with the import's own messages naming the file field. */
async function capped<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw e instanceof DomainError && e.code === "too_large" ? tooLarge() : e;
  }
}

/** The bytes of a request body (API upload), refused with 413 once it passes the limit. */
export async function readUploadBody(request: Request): Promise<{ name: string; bytes: Uint8Array }> {
  const bytes = await capped(() => readBodyCapped(request, MAX_IMPORT_BYTES));
  if (bytes.length === 0) throw noFile();
  const name = decodeURIComponent(request.headers.get("X-File-Name") ?? "") || "upload.xlsx";
  return { name, bytes };
}

/** The `file` field of a multipart form (the import page), refused with 413 once it passes the limit. */
export async function readUploadForm(request: Request): Promise<{ name: string; bytes: Uint8Array }> {
  const form = await capped(() => readFormCapped(request, MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES));
  const file = await formFile(form, "file");
  if (!file || file.bytes.length > MAX_IMPORT_BYTES) throw file ? tooLarge() : noFile();
  return file;
}

/** An import preview for the API, each problem with its message in the caller's language. */
export function withMessages(preview: ReturnType<typeof projectImportJson>, locale: Locale) {
  const t = translator(locale);
  return {
    ...preview,
    problems: preview.problems.map((r) => ({
      ...r,
      problems: r.problems.map((p) => ({ ...p, column: fieldLabel(t, p.field), message: problemText(t, p) })),
    })),
  };
}
