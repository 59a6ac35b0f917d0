import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ActionResult } from "~/components/action-result";
import { StatusBadge, useAmount } from "~/components/projects";
import { translate, translator } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { COUNTIES, projectPeriods, projectStatuses, projectTypes } from "~/lib/projects/fields";
import { planContext } from "~/models/plan-nav.server";
import { createProject, getPlanLibrary, libraryFilters, type ProjectJson, updateProject } from "~/models/project.server";
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

const FIELDS = [
  "name",
  "type",
  "county",
  "township",
  "areaHa",
  "investmentWan",
  "investCentral",
  "investProvincial",
  "investLocal",
  "investSocial",
  "period",
  "keyArea",
] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const locale = ctx.user.locale;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const fields = Object.fromEntries(FIELDS.map((f) => [f, form.get(f) ?? ""]));
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

function ProjectForm({
  project,
  errors,
  busy,
  back,
  formKey,
  defaultCounty,
}: {
  project: ProjectJson | null;
  errors: Record<string, string>;
  busy: boolean;
  back: string;
  formKey: string;
  defaultCounty: string;
}) {
  const t = useT();
  const v = (k: (typeof FIELDS)[number]) => {
    const value = project?.[k];
    return value === null || value === undefined ? "" : String(value);
  };
  const err = (k: string) =>
    errors[k] ? (
      <span className="field-error" id={`err-${k}`}>
        {errors[k]}
      </span>
    ) : null;
  const text = (k: "name" | "township" | "keyArea", max: number, required = false) => (
    <div className={`field${k === "name" || k === "keyArea" ? " form-grid__wide" : ""}`}>
      <label htmlFor={`p-${k}`}>{t(`library.field.${k}`)}</label>
      <input
        id={`p-${k}`}
        name={k}
        defaultValue={v(k)}
        maxLength={max}
        required={required}
        aria-invalid={!!errors[k]}
        aria-describedby={errors[k] ? `err-${k}` : undefined}
      />
      {err(k)}
    </div>
  );
  const amount = (
    k: "areaHa" | "investmentWan" | "investCentral" | "investProvincial" | "investLocal" | "investSocial",
    required = false,
  ) => (
    <div className="field">
      <label htmlFor={`p-${k}`}>{t(`library.field.${k}`)}</label>
      <input
        id={`p-${k}`}
        name={k}
        type="number"
        min={0}
        step="any"
        inputMode="decimal"
        defaultValue={v(k)}
        required={required}
        aria-invalid={!!errors[k]}
        aria-describedby={errors[k] ? `err-${k}` : undefined}
      />
      {err(k)}
    </div>
  );
  return (
    <Form method="post" className="form-grid" data-testid="project-form" key={formKey}>
      <input type="hidden" name="intent" value={project ? "update" : "create"} />
      {project ? <input type="hidden" name="projectId" value={project.id} /> : null}
      <input type="hidden" name="back" value={back} />
      {text("name", 100, true)}
      <div className="field form-grid__wide">
        <label htmlFor="p-type">{t("library.field.type")}</label>
        <select id="p-type" name="type" defaultValue={v("type")} required aria-invalid={!!errors.type}>
          <option value="">{t("library.choose")}</option>
          {projectTypes.map((ty) => (
            <option key={ty} value={ty}>
              {t(`library.type.${ty}`)}
            </option>
          ))}
        </select>
        {err("type")}
      </div>
      <div className="field">
        <label htmlFor="p-county">{t("library.field.county")}</label>
        <input
          id="p-county"
          name="county"
          list="counties"
          defaultValue={project ? v("county") : defaultCounty}
          maxLength={40}
          required
          aria-invalid={!!errors.county}
        />
        <datalist id="counties">
          {COUNTIES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        {err("county")}
      </div>
      {text("township", 60)}
      <div className="field">
        <label htmlFor="p-period">{t("library.field.period")}</label>
        <select id="p-period" name="period" defaultValue={v("period")} required aria-invalid={!!errors.period}>
          <option value="">{t("library.choose")}</option>
          {projectPeriods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        {err("period")}
      </div>
      {amount("areaHa", true)}
      {amount("investmentWan", true)}
      <fieldset className="field form-grid__full">
        <legend>{t("library.funding")}</legend>
        <div className="form-grid form-grid--inner">
          {amount("investCentral")}
          {amount("investProvincial")}
          {amount("investLocal")}
          {amount("investSocial")}
        </div>
        <span className="field-hint">{t("library.fundingHint")}</span>
      </fieldset>
      {text("keyArea", 100)}
      <div className="row-actions form-grid__full">
        <button type="submit" className="button" disabled={busy}>
          {project ? t("library.save") : t("library.add")}
        </button>
        {project ? (
          <Link to={`?${back}`} className="button button--ghost">
            {t("library.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
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
        <select name="type" defaultValue={filters.type ?? ""} aria-label={t("library.field.type")} className="input">
          <option value="">{t("library.filter.allTypes")}</option>
          {projectTypes.map((ty) => (
            <option key={ty} value={ty}>
              {t(`library.type.${ty}`)}
            </option>
          ))}
        </select>
        <select name="period" defaultValue={filters.period ?? ""} aria-label={t("library.field.period")} className="input">
          <option value="">{t("library.filter.allPeriods")}</option>
          {projectPeriods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        {may.seesWorking ? (
          <select name="status" defaultValue={filters.status ?? ""} aria-label={t("library.field.status")} className="input">
            <option value="">{t("library.filter.allStatuses")}</option>
            {projectStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`library.status.${s}`)}
              </option>
            ))}
          </select>
        ) : null}
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
        {projects.length === 0 ? (
          <p className="muted">{filtered ? t("library.noMatch") : t("library.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data data--dense data--stack" data-testid="library-table">
              <thead>
                <tr>
                  <th scope="col">{t("library.number")}</th>
                  <th scope="col">{t("library.field.name")}</th>
                  <th scope="col">{t("library.field.type")}</th>
                  <th scope="col">{t("library.place")}</th>
                  <th scope="col" className="num">
                    {t("library.field.areaHa")}
                  </th>
                  <th scope="col" className="num">
                    {t("library.field.investmentWan")}
                  </th>
                  <th scope="col">{t("library.field.period")}</th>
                  <th scope="col">{t("library.field.status")}</th>
                  {may.edit ? <th scope="col">{t("library.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {projects.map((p, i) => (
                  <tr key={p.id} data-testid="project-row" className={editing?.id === p.id ? "is-selected" : undefined}>
                    <td className="num muted stack-hide">{i + 1}</td>
                    <td className="stack-full">
                      <strong className="cell-title">{p.name}</strong>
                      {p.keyArea ? <div className="small muted">{p.keyArea}</div> : null}
                    </td>
                    <td className="small">{t(`library.type.${p.type}`)}</td>
                    <td className="nowrap">
                      {p.county}
                      {p.township ? <div className="small muted">{p.township}</div> : null}
                    </td>
                    <td className="num" data-label={t("library.field.areaHa")}>
                      {amount(p.areaHa)}
                    </td>
                    <td className="num" data-label={t("library.field.investmentWan")}>
                      {amount(p.investmentWan)}
                      {p.investCentral !== null ? (
                        <div
                          className="small muted nowrap"
                          title={`${t("library.field.investCentral")} / ${t("library.field.investProvincial")} / ${t("library.field.investLocal")} / ${t("library.field.investSocial")}`}
                        >
                          {[p.investCentral, p.investProvincial, p.investLocal, p.investSocial].map((x) => amount(x)).join(" / ")}
                        </div>
                      ) : null}
                    </td>
                    <td className="nowrap">{p.period}</td>
                    <td>
                      <StatusBadge status={p.status} />
                      {p.reason ? <div className="small muted reason">{p.reason}</div> : null}
                    </td>
                    {may.edit ? (
                      <td className="stack-full">
                        <div className="row-actions">
                          {p.status !== "included" ? (
                            <Form method="post">
                              <input type="hidden" name="intent" value="status" />
                              <input type="hidden" name="projectId" value={p.id} />
                              <input type="hidden" name="status" value="included" />
                              <button type="submit" className="button button--small" disabled={busy}>
                                {t("library.include")}
                              </button>
                            </Form>
                          ) : null}
                          {p.status !== "excluded" ? (
                            <details className="exclude">
                              <summary className="button button--small button--danger">{t("library.exclude")}</summary>
                              <Form method="post" className="row-actions">
                                <input type="hidden" name="intent" value="status" />
                                <input type="hidden" name="projectId" value={p.id} />
                                <input type="hidden" name="status" value="excluded" />
                                <input
                                  name="reason"
                                  required
                                  maxLength={500}
                                  placeholder={t("library.reasonPlaceholder")}
                                  aria-label={t("library.reasonPlaceholder")}
                                />
                                <button type="submit" className="button button--small button--danger" disabled={busy}>
                                  {t("library.exclude")}
                                </button>
                              </Form>
                            </details>
                          ) : (
                            <Form method="post">
                              <input type="hidden" name="intent" value="status" />
                              <input type="hidden" name="projectId" value={p.id} />
                              <input type="hidden" name="status" value="candidate" />
                              <button type="submit" className="button button--small button--ghost" disabled={busy}>
                                {t("library.toCandidate")}
                              </button>
                            </Form>
                          )}
                          <Link to={`?${new URLSearchParams([...back.entries(), ["edit", p.id]])}#project-form-h`} className="small">
                            {t("library.edit")}
                          </Link>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
