// The key-project library's add/edit form: every field of a project in a grid, errors at the field.
import { Form, Link } from "@remix-run/react";
import { Field, FieldSet } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { COUNTIES, projectPeriods, projectTypes } from "~/lib/projects/fields";
import type { ProjectJson } from "~/models/project.server";

/** The form's fields, in the order the action reads them. */
export const PROJECT_FIELDS = [
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

type Amount = "areaHa" | "investmentWan" | "investCentral" | "investProvincial" | "investLocal" | "investSocial";

export function ProjectForm({
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
  const v = (k: (typeof PROJECT_FIELDS)[number]) => {
    const value = project?.[k];
    return value === null || value === undefined ? "" : String(value);
  };
  const field = (k: (typeof PROJECT_FIELDS)[number], control: JSX.Element, className?: string) => (
    <Field label={t(`library.field.${k}`)} id={`p-${k}`} error={errors[k]} className={className}>
      {control}
    </Field>
  );
  const text = (k: "name" | "township" | "keyArea", max: number, required = false) =>
    field(k, <input name={k} defaultValue={v(k)} maxLength={max} required={required} />, k === "township" ? undefined : "form-grid__wide");
  const amount = (k: Amount, required = false) =>
    field(k, <input name={k} type="number" min={0} step="any" inputMode="decimal" defaultValue={v(k)} required={required} />);
  return (
    <Form method="post" className="form-grid" data-testid="project-form" key={formKey}>
      <input type="hidden" name="intent" value={project ? "update" : "create"} />
      {project ? <input type="hidden" name="projectId" value={project.id} /> : null}
      <input type="hidden" name="back" value={back} />
      {text("name", 100, true)}
      {field(
        "type",
        <select name="type" defaultValue={v("type")} required>
          <option value="">{t("library.choose")}</option>
          {projectTypes.map((ty) => (
            <option key={ty} value={ty}>
              {t(`library.type.${ty}`)}
            </option>
          ))}
        </select>,
        "form-grid__wide",
      )}
      <Field
        label={t("library.field.county")}
        id="p-county"
        error={errors.county}
        after={
          <datalist id="counties">
            {COUNTIES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        }
      >
        <input name="county" list="counties" defaultValue={project ? v("county") : defaultCounty} maxLength={40} required />
      </Field>
      {text("township", 60)}
      {field(
        "period",
        <select name="period" defaultValue={v("period")} required>
          <option value="">{t("library.choose")}</option>
          {projectPeriods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>,
      )}
      {amount("areaHa", true)}
      {amount("investmentWan", true)}
      <FieldSet legend={t("library.funding")} id="p-funding" hint={t("library.fundingHint")} className="form-grid__full">
        <div className="form-grid form-grid--inner">
          {amount("investCentral")}
          {amount("investProvincial")}
          {amount("investLocal")}
          {amount("investSocial")}
        </div>
      </FieldSet>
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
