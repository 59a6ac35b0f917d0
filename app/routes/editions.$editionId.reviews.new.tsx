import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ActionResult } from "~/components/action-result";
import { Field, FieldSet } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { createReview } from "~/models/review.server";
import { newReviewPage } from "~/models/review-new.server";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";
import { planContext } from "~/models/plan-nav.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => {
    const { edition: e, experts } = newReviewPage(ctx, params.editionId!);
    return {
      edition: { id: e.id, label: e.label, documentTitle: e.documentTitle, planId: e.planId },
      experts,
      planContext: planContext(ctx, { editionId: e.id }),
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const form = await request.formData();
  const input = { ...Object.fromEntries(form), expertUserIds: form.getAll("expertUserIds").map(String) };
  return formAction(ctx.user.locale, "review", () => {
    const { id } = createReview(ctx, params.editionId!, input);
    throw redirect(`/reviews/${id}`);
  });
}

export default function NewReview() {
  const { edition, experts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <>
      <div className="page-head">
        <h1>{t("review.new")}</h1>
      </div>
      <ActionResult result={result} testId="review-new-result" />
      <Form method="post" className="card" data-testid="new-review">
        <Field label={t("round.title")} id="title" error={errors?.title}>
          <input name="title" required maxLength={200} defaultValue={`${edition.documentTitle}（${edition.label}）技术审查`} />
        </Field>
        <FieldSet legend={t("review.experts")} id="experts" error={errors?.expertUserIds}>
          <div className="checkbox-grid">
            {experts.map((e) => (
              <label key={e.id}>
                <input type="checkbox" name="expertUserIds" value={e.id} defaultChecked /> {e.displayName}{" "}
                <span className="small muted">{e.title}</span>
              </label>
            ))}
          </div>
        </FieldSet>
        <Field label={t("review.chair")} id="chair" error={errors?.chairUserId}>
          <select name="chairUserId">
            {experts.map((e) => (
              <option key={e.id} value={e.id}>
                {e.displayName}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("review.quorum")} id="quorum" error={errors?.quorum}>
          <input
            name="quorum"
            type="number"
            min={1}
            max={experts.length}
            defaultValue={Math.max(1, Math.ceil((experts.length * 2) / 3))}
            required
          />
        </Field>
        <Field label={t("review.meetingDate")} id="meetingDate" error={errors?.meetingDate}>
          <input name="meetingDate" type="date" />
        </Field>
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {t("review.new")}
        </button>
      </Form>
    </>
  );
}
