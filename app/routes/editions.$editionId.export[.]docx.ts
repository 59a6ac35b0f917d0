import type { LoaderFunctionArgs } from "@remix-run/node";
import { editionToDocx } from "~/lib/docx/export.server";
import { isoShanghai } from "~/lib/time";
import { editionDocxBody } from "~/models/published-cache.server";
import { validatedResponse } from "~/http/validated-response.server";
import { underExportGate } from "~/utils/export-gate.server";
import { forPage } from "~/utils/page.server";
import { type Ctx, requireUser } from "~/utils/session.server";

/** An edition as a Word file: what the caller may read, with the label and manifest hash in the footer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const { body, etag, edition } = await forPageAsync(ctx, () =>
    // a build (not cached yet) waits its turn in the export queue
    editionDocxBody(ctx, params.editionId!, (edition, head) =>
      underExportGate(() =>
        editionToDocx({
          planTitle: edition.planTitle,
          documentTitle: edition.documentTitle,
          label: edition.label,
          manifestHash: edition.manifestHash,
          manifestSm3: edition.manifestSm3,
          auditHead: head,
          publishedAt: isoShanghai(edition.publishedAt),
          // the frozen plan tables follow their section (a table placed nowhere goes after the last one)
          sections: edition.sections.map((s, i, all) => ({
            number: s.number,
            title: s.title,
            depth: s.parentSectionId ? 1 : 0,
            content: (s.content ?? { type: "doc", content: [] }) as Record<string, unknown>,
            tables: edition.tables.filter((t) => t.sectionId === s.sectionId || (t.sectionId === null && i === all.length - 1)),
          })),
        }).then((buffer) => new Uint8Array(buffer)),
      ),
    ),
  );
  const fileName = `${edition.planTitle}${edition.documentTitle}（${edition.label}）.docx`;
  // the same file while the audit head is the same: a strong ETag of its bytes, 304 on If-None-Match
  return validatedResponse(request, {
    body,
    etag,
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    headers: {
      "Content-Disposition": `attachment; filename="edition-${edition.id}.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    },
  });
}

/** forPage for an async domain call: a domain error becomes the matching error page. */
async function forPageAsync<T>(ctx: Ctx, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    return forPage(ctx, () => {
      throw e;
    });
  }
}
