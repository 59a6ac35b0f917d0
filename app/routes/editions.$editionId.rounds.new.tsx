import { Field, FieldSet } from "~/components/ui/field";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useT } from "~/i18n/use-t";
import { addDays, shanghaiDate } from "~/lib/time";
import { newRoundPage, openRound } from "~/models/round.server";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";
import { planContext } from "~/models/plan-nav.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => {
    const { edition: e, organizations } = newRoundPage(ctx, params.editionId!);
    return {
      planContext: planContext(ctx, { editionId: e.id }),
      edition: { id: e.id, label: e.label, documentTitle: e.documentTitle, planTitle: e.planTitle, planId: e.planId },
      organizations,
      defaultClosesAt: `${addDays(shanghaiDate(Date.now()), 14)}T18:00`,
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const form = await request.formData();
  const input = { ...Object.fromEntries(form), invitedOrganizationIds: form.getAll("invitedOrganizationIds").map(String) };
  return formAction(ctx.user.locale, "open", () => {
    const { id } = openRound(ctx, params.editionId!, input);
    throw redirect(`/rounds/${id}`);
  });
}

export default function NewRound() {
  const { edition, organizations, defaultClosesAt } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [invited, setInvited] = useState<Set<string>>(new Set(organizations.map((o) => o.id)));
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const select = (kind: string | null) =>
    setInvited(new Set(kind ? [...invited, ...organizations.filter((o) => o.kind === kind).map((o) => o.id)] : []));
  const toggle = (id: string) => {
    const next = new Set(invited);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setInvited(next);
  };
  return (
    <>
      <div className="page-head">
        <h1>{t("round.new")}</h1>
      </div>
      {result && !result.ok ? (
        <div className="alert alert--error" role="alert">
          {result.formError}
        </div>
      ) : null}
      <Form method="post" className="card" data-testid="new-round">
        <Field label={t("round.title")} id="title" error={errors?.title}>
          <input name="title" required maxLength={200} defaultValue={`《${edition.planTitle}》（${edition.label}）征求意见`} />
        </Field>
        <Field label={t("round.instructions")} id="instructions">
          <textarea name="instructions" rows={3} maxLength={5000} />
        </Field>
        <Field label={t("round.closesAtLabel")} id="closesAt" error={errors?.closesAt}>
          <input name="closesAt" type="datetime-local" required defaultValue={defaultClosesAt} />
        </Field>
        <FieldSet legend={t("round.visibility")}>
          <label>
            <input type="radio" name="visibility" value="private" defaultChecked /> {t("round.visibility.private")}
          </label>
          <label>
            <input type="radio" name="visibility" value="shared" /> {t("round.visibility.shared")}
          </label>
        </FieldSet>
        <FieldSet legend={t("round.invited")} id="invited" error={errors?.invitedOrganizationIds}>
          <div className="row-actions">
            <button type="button" className="button button--small button--ghost" onClick={() => select("county")}>
              {t("round.allCounties")}
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => select("department")}>
              {t("round.allDepartments")}
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => select(null)}>
              {t("round.clear")}
            </button>
          </div>
          <div className="checkbox-grid">
            {organizations.map((o) => (
              <label key={o.id}>
                <input
                  type="checkbox"
                  name="invitedOrganizationIds"
                  value={o.id}
                  checked={invited.has(o.id)}
                  onChange={() => toggle(o.id)}
                />{" "}
                {o.name}
              </label>
            ))}
          </div>
        </FieldSet>
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {t("round.new")}
        </button>
      </Form>
    </>
  );
}
