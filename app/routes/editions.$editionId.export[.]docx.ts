import type { LoaderFunctionArgs } from "@remix-run/node";
import { editionToDocx } from "~/lib/docx/export.server";
import { isoShanghai } from "~/lib/time";
import { currentAuditHead } from "~/models/audit.server";
import { getEdition } from "~/models/edition.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

/** An edition as a Word file: what the caller may read, with the label and manifest hash in the footer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const edition = forPage(ctx, () => getEdition(ctx, params.editionId!));
  const buffer = await editionToDocx({
    planTitle: edition.planTitle,
    documentTitle: edition.documentTitle,
    label: edition.label,
    manifestHash: edition.manifestHash,
    manifestSm3: edition.manifestSm3,
    auditHead: forPage(ctx, () => currentAuditHead(ctx.db)),
    publishedAt: isoShanghai(edition.publishedAt),
    // the frozen plan tables follow their section (a table placed nowhere goes after the last one)
    sections: edition.sections.map((s, i, all) => ({
      number: s.number,
      title: s.title,
      depth: s.parentSectionId ? 1 : 0,
      content: (s.content ?? { type: "doc", content: [] }) as Record<string, unknown>,
      tables: edition.tables.filter((t) => t.sectionId === s.sectionId || (t.sectionId === null && i === all.length - 1)),
    })),
  });
  const fileName = `${edition.planTitle}${edition.documentTitle}（${edition.label}）.docx`;
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="edition-${edition.id}.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
