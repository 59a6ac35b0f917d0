import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { UploadForm } from "~/components/ui/upload-form";
import { useT } from "~/i18n/use-t";
import { MAX_DOCX_BYTES } from "~/lib/docx/check.server";
import { confirmImport, getImport, previewImport } from "~/models/import.server";
import { getDocumentOutline } from "~/models/document.server";
import { DomainError } from "~/utils/errors";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";
import { planContext } from "~/models/plan-nav.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const importId = new URL(request.url).searchParams.get("import");
  return forPage(ctx, () => {
    const { document } = getDocumentOutline(ctx, params.documentId!);
    const pending = importId ? getImport(ctx, document.id, importId) : null;
    return {
      planContext: planContext(ctx, { documentId: document.id }),
      document: { id: document.id, title: document.title, planId: document.planId },
      preview: pending && {
        id: pending.id,
        fileName: pending.fileName,
        imagesDropped: pending.result.imagesDropped,
        warnings: pending.result.warnings,
        sections: pending.result.sections.map((s) => ({ level: s.level, number: s.number, title: s.title, characters: s.characters })),
      },
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const documentId = params.documentId!;
  const locale = ctx.user.locale;
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return formAction(locale, "upload", async () => {
      let form: FormData;
      try {
        form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_DOCX_BYTES + 1024 }));
      } catch {
        // the upload handler stops reading at the size limit
        throw new DomainError("too_large", "import.tooLarge");
      }
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0)
        throw new DomainError("invalid", "import.noFile", {}, { issues: [{ path: "file", message: "import.noFile" }] });
      const { id } = await previewImport(ctx, documentId, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      throw redirect(`/documents/${documentId}/import?import=${id}`);
    });
  }
  const form = await request.formData();
  return formAction(locale, "confirm", () => {
    const { created } = confirmImport(ctx, documentId, String(form.get("importId") ?? ""));
    throw redirect(`/documents/${documentId}?imported=${created}`);
  });
}

export default function ImportDocument() {
  const { document, preview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const busy = navigation.state !== "idle";
  return (
    <>
      <div className="page-head">
        <h1>{t("import.title")}</h1>
      </div>
      {result && !result.ok ? (
        <div className="alert alert--error" role="alert" data-testid="import-error">
          {result.formError}
        </div>
      ) : null}
      {preview ? (
        <section className="card" data-testid="import-preview">
          <h2>{t("import.preview", { file: preview.fileName })}</h2>
          {preview.imagesDropped ? (
            <div className="alert alert--info" data-testid="images-dropped">
              {t("import.imagesDropped", { count: preview.imagesDropped })}
            </div>
          ) : null}
          <p>{t("import.sections", { count: preview.sections.length })}</p>
          <ol className="outline">
            {preview.sections.map((s, i) => (
              <li key={i} className={`outline__item${s.level === 2 ? " outline__item--child" : ""}`}>
                <span>
                  <span className="toc__num">{s.number ?? "—"}</span>
                  {s.title}
                </span>
                <span className="small muted">{t("import.characters", { count: s.characters })}</span>
              </li>
            ))}
          </ol>
          {preview.warnings.length ? (
            <details className="small">
              <summary>{t("import.warnings")}</summary>
              <ul>
                {preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <Form method="post" className="row-actions" style={{ marginTop: "1rem" }}>
            <input type="hidden" name="importId" value={preview.id} />
            <button type="submit" className="button" disabled={busy} data-testid="confirm-import">
              {t("import.confirm")}
            </button>
            <Link to={`/documents/${document.id}/import`} className="button button--ghost">
              {t("import.cancel")}
            </Link>
          </Form>
        </section>
      ) : (
        <section className="card">
          <p>{t("import.lead")}</p>
          <UploadForm id="file" label={t("import.file")} accept="docx" submit={t("import.upload")} busy={busy} testId="import-form" />
        </section>
      )}
    </>
  );
}
