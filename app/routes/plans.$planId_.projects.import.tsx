import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table";
import { UploadForm } from "~/components/ui/upload-form";
import { translate, translator } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { fieldLabel, problemText } from "~/lib/projects/messages";
import { planContext } from "~/models/plan-nav.server";
import { confirmProjectImport, previewProjectImport, projectImportPage } from "~/models/project-import.server";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { readUploadForm } from "~/http/project-files.server";
import { isMultipart } from "~/utils/upload.server";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? translator(data.locale)("library.import.title") : "" }];

/** Rows listed in the preview; the counts above always cover the whole file. */
const LISTED_PROBLEMS = 500;
const LISTED_GOOD = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const importId = new URL(request.url).searchParams.get("import");
  return forPage(ctx, () => {
    const { plan, preview } = projectImportPage(ctx, params.planId!, importId);
    const bad = preview ? preview.rows.filter((r) => r.problems.length) : [];
    const good = preview ? preview.rows.filter((r) => r.action && r.action !== "unchanged") : [];
    const context = planContext(ctx, { planId: plan.id });
    const trail = [
      { label: translate(ctx.user.locale, "library.title"), to: `/plans/${plan.id}/projects` },
      { label: translate(ctx.user.locale, "library.importLink"), to: null },
    ];
    return {
      locale: ctx.user.locale,
      planContext: { ...context, trail },
      plan,
      preview: preview && {
        id: preview.id,
        fileName: preview.fileName,
        summary: preview.summary,
        bad: bad.slice(0, LISTED_PROBLEMS),
        good: good.slice(0, LISTED_GOOD),
        unlisted: { bad: Math.max(0, bad.length - LISTED_PROBLEMS), good: Math.max(0, good.length - LISTED_GOOD) },
      },
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const planId = params.planId!;
  if (isMultipart(request)) {
    return formAction(ctx.user.locale, "upload", async () => {
      const { id } = await previewProjectImport(ctx, planId, await readUploadForm(request));
      throw redirect(`/plans/${planId}/projects/import?import=${id}`);
    });
  }
  const form = await request.formData();
  return formAction(ctx.user.locale, "confirm", () => {
    const { created, updated } = confirmProjectImport(ctx, planId, String(form.get("importId") ?? ""));
    throw redirect(`/plans/${planId}/projects?notice=imported:${created}:${updated}`);
  });
}

function ProjectUpload({ busy, again }: { busy: boolean; again?: boolean }) {
  const t = useT();
  return (
    <UploadForm
      id="file"
      label={t("library.import.file")}
      accept="xlsx"
      submit={again ? t("library.import.again") : t("library.import.upload")}
      busy={busy}
      inline
      testId="upload-form"
      submitTestId="upload"
    />
  );
}

export default function ImportProjects() {
  const { plan, preview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const busy = navigation.state !== "idle";
  const s = preview?.summary;
  const rowColumn = { key: "row", header: t("library.import.row"), numeric: true, cell: (r: { row: number }) => r.row };
  return (
    <>
      <div className="page-head">
        <h1>{t("library.import.title")}</h1>
        <a className="button button--ghost button--small" href="/api/v1/projects/template.xlsx" download data-testid="download-template">
          {t("library.downloadTemplate")}
        </a>
      </div>
      {result && !result.ok ? (
        <div className="alert alert--error" role="alert" data-testid="import-error">
          {result.formError}
        </div>
      ) : null}

      {preview && s ? (
        <section className="card" data-testid="import-preview" aria-labelledby="preview-h">
          <h2 id="preview-h">{t("library.import.preview", { file: preview.fileName })}</h2>
          <p data-testid="import-summary">{t("library.import.summary", { ...s })}</p>
          {s.bad > 0 ? (
            <>
              <div className="alert alert--error" role="alert" data-testid="import-blocked">
                <strong>{t("library.import.blocked", { count: s.bad })}</strong>
              </div>
              <h3>{t("library.import.problemsTitle")}</h3>
              <DataTable
                testId="import-problems"
                className="data--dense problems"
                rows={preview.bad}
                rowKey={(r) => r.row}
                rowProps={(r) => ({ "data-testid": "problem-row", "data-row": r.row })}
                columns={[
                  rowColumn,
                  { key: "name", header: t("library.field.name"), cell: (r) => r.display.name ?? "—" },
                  {
                    key: "problems",
                    header: t("library.import.problem"),
                    cell: (r) => (
                      <ul className="plain-list">
                        {r.problems.map((p, i) => (
                          <li key={i}>
                            <strong>{fieldLabel(t, p.field)}</strong>
                            {r.display[p.field] !== undefined && p.field !== "name" ? (
                              <span className="muted">{t("library.paren", { text: r.display[p.field] ?? "" })}</span>
                            ) : null}
                            {t("common.colon")}
                            {problemText(t, p)}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
              {preview.unlisted.bad ? <p className="small muted">{t("library.import.moreRows", { count: preview.unlisted.bad })}</p> : null}
              <div className="upload-again">
                <ProjectUpload busy={busy} again />
              </div>
            </>
          ) : s.create + s.update === 0 ? (
            <div className="alert alert--info">{t("library.import.nothing")}</div>
          ) : (
            <>
              <div className="alert alert--ok" data-testid="import-ready">
                {t("library.import.ready")}
              </div>
              <Form method="post" className="row-actions" style={{ marginBottom: "1rem" }}>
                <input type="hidden" name="importId" value={preview.id} />
                <button type="submit" className="button" disabled={busy} data-testid="confirm-import">
                  {t("library.import.confirm")}
                </button>
                <Link to={`/plans/${plan.id}/projects/import`} className="button button--ghost">
                  {t("library.import.again")}
                </Link>
              </Form>
              <h3>{t("library.import.goodTitle")}</h3>
              <DataTable
                testId="import-good"
                className="data--dense"
                rows={preview.good}
                rowKey={(r) => r.row}
                columns={[
                  rowColumn,
                  {
                    key: "action",
                    header: t("library.import.action"),
                    cell: (r) => (
                      <span className={`badge${r.action === "create" ? " badge--accent" : " badge--warn"}`}>
                        {t(`library.import.action.${r.action!}`)}
                      </span>
                    ),
                  },
                  { key: "name", header: t("library.field.name"), cell: (r) => r.display.name },
                  { key: "type", header: t("library.field.type"), className: "small", cell: (r) => r.display.type },
                  { key: "county", header: t("library.field.county"), cell: (r) => r.display.county },
                  { key: "area", header: t("library.field.areaHa"), numeric: true, cell: (r) => r.display.areaHa },
                  { key: "investment", header: t("library.field.investmentWan"), numeric: true, cell: (r) => r.display.investmentWan },
                  { key: "period", header: t("library.field.period"), className: "nowrap", cell: (r) => r.display.period },
                ]}
              />
              {preview.unlisted.good ? (
                <p className="small muted">{t("library.import.moreRows", { count: preview.unlisted.good })}</p>
              ) : null}
            </>
          )}
        </section>
      ) : (
        <section className="card">
          <p>{t("library.import.lead")}</p>
          <p className="small muted">{t("library.import.roundTrip")}</p>
          <ProjectUpload busy={busy} />
        </section>
      )}
    </>
  );
}
