import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ActionResult } from "~/components/action-result";
import { PROJECT_FIELDS, ProjectForm } from "~/components/library/project-form";
import { ProjectTable } from "~/components/library/project-table";
import { useAmount } from "~/components/projects";
import { StatusFilter, TypeFilter } from "~/components/library/project-filters";
import { FilterSelect, optionsOf } from "~/components/ui/filter-select";
import { translate, translator } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { projectPeriods } from "~/lib/projects/fields";
import { planContext } from "~/models/plan-nav.server";
import { createProject, getPlanLibrary, libraryFilters, updateProject } from "~/models/project.server";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${translator(data.locale)("library.title")} · ${data.plan.title}` : "" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const url = new URL(request.url);
  const filters = libraryFilters.parse(Object.fromEntries(url.searchParams));
  return forPage(ctx, () => {
    const library = getPlanLibrary(ctx, params.planId!, filters, { editId: url.searchParams.get("edit") });
    const plan = planContext(ctx, { planId: library.plan.id });
    return {
      ...library,
      locale: ctx.user.locale,
      notice: url.searchParams.get("notice"),
      planContext: { ...plan, trail: [{ label: translate(ctx.user.locale, "library.title"), to: null }] },
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const locale = ctx.user.locale;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const fields = Object.fromEntries(PROJECT_FIELDS.map((f) => [f, form.get(f) ?? ""]));
  if (intent === "status") {
    return formAction(locale, intent, () => {
      const p = updateProject(ctx, String(form.get("projectId")), { status: form.get("status"), reason: form.get("reason") ?? "" });
      return translate(locale, "library.statusSaved", { name: p.name });
    });
  }
  if (intent === "update") {
    return formAction(locale, intent, () => {
      updateProject(ctx, String(form.get("projectId")), fields);
      const back = new URLSearchParams(String(form.get("back") ?? ""));
      back.delete("edit");
      back.set("notice", "saved");
      throw redirect(`/plans/${params.planId}/projects?${back}`);
    });
  }
  return formAction(locale, "create", () => {
    createProject(ctx, params.planId!, fields);
    return translate(locale, "library.created", { name: String(fields.name).trim() });
  });
}

export default function ProjectLibrary() {
  const { plan, may, projects, counts, totals, filters, editing, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const t = useT();
  const amount = useAmount();
  const busy = navigation.state !== "idle";
  const back = new URLSearchParams(params);
  back.delete("edit");
  back.delete("notice");
  const formErrors = result && !result.ok && (result.intent === "create" || result.intent === "update") ? result.fieldErrors : {};
  const filtered = !!(filters.type || filters.period || filters.status);
  const totalsLine = (x: { count: number; areaHa: number; investmentWan: number }) =>
    t("library.totals", { count: x.count, area: amount(x.areaHa), investment: amount(x.investmentWan) });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("library.title")}</h1>
          <div className="page-head__meta">{may.seesWorking ? t("library.counts", counts) : t("library.includedOnly")}</div>
        </div>
        <div className="row-actions">
          <a className="button button--ghost button--small" href="/api/v1/projects/template.xlsx" download data-testid="download-template">
            {t("library.downloadTemplate")}
          </a>
          <a
            className="button button--ghost button--small"
            href={`/api/v1/plans/${plan.id}/projects.xlsx`}
            download
            data-testid="export-library"
          >
            {t("library.export")}
          </a>
          {may.edit ? (
            <Link className="button button--small" to={`/plans/${plan.id}/projects/import`} data-testid="import-link">
              {t("library.importLink")}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="small muted">{t("library.binding")}</p>
      {plan.approved ? (
        <div className="alert alert--info" data-testid="library-frozen">
          {t("library.frozen")}
        </div>
      ) : null}
      {notice === "saved" ? (
        <div className="alert alert--ok" role="status">
          {t("library.saved")}
        </div>
      ) : null}
      {notice?.startsWith("imported:") ? (
        <div className="alert alert--ok" role="status" data-testid="imported">
          {t("library.imported", { created: notice.split(":")[1] ?? 0, updated: notice.split(":")[2] ?? 0 })}
        </div>
      ) : null}
      <ActionResult result={result && (result.ok || result.intent === "status") ? result : undefined} testId="library-result" />

      <Form method="get" className="card filters" data-testid="library-filters">
        <TypeFilter value={filters.type} />
        <FilterSelect
          name="period"
          label={t("library.field.period")}
          value={filters.period}
          any={t("library.filter.allPeriods")}
          options={optionsOf(projectPeriods)}
        />
        {may.seesWorking ? <StatusFilter value={filters.status} /> : null}
        <button type="submit" className="button button--small">
          {t("library.filter.apply")}
        </button>
        {filtered ? (
          <Link to="?" className="small">
            {t("library.filter.reset")}
          </Link>
        ) : null}
      </Form>

      <section className="card" aria-labelledby="library-h">
        <h2 id="library-h" className="visually-hidden">
          {t("library.title")}
        </h2>
        <p className="totals" data-testid="library-totals">
          <span>
            {t("library.totals.shown")}
            {t("common.colon")}
            {totalsLine(totals.shown)}
          </span>
          {may.seesWorking ? (
            <span>
              {t("library.totals.included")}
              {t("common.colon")}
              {totalsLine(totals.included)}
            </span>
          ) : null}
        </p>
        <ProjectTable
          projects={projects}
          editable={may.edit}
          editingId={editing?.id ?? null}
          busy={busy}
          editHref={(id) => `?${new URLSearchParams([...back.entries(), ["edit", id]])}#project-form-h`}
          empty={filtered ? t("library.noMatch") : t("library.empty")}
        />
      </section>

      {may.edit ? (
        <section className="card" aria-labelledby="project-form-h">
          <h2 id="project-form-h">{editing ? `${t("library.editTitle")}${t("common.colon")}${editing.name}` : t("library.add")}</h2>
          {result && !result.ok && result.intent !== "status" ? (
            <div className="alert alert--error" role="alert" data-testid="project-form-error">
              {result.formError}
            </div>
          ) : null}
          <ProjectForm
            project={editing}
            errors={formErrors}
            busy={busy}
            back={back.toString()}
            formKey={editing?.id ?? (result?.ok && result.intent === "create" ? String(result.result) : "new")}
            defaultCounty={plan.level === "county" ? plan.region : ""}
          />
        </section>
      ) : null}
    </>
  );
}
