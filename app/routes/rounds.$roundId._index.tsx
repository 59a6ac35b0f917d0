import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Deadline, StateBadge } from "~/components/round-badges";
import { translate } from "~/i18n";
import { ActionResult } from "~/components/action-result";
import { DataTable } from "~/components/ui/data-table";
import { Field } from "~/components/ui/field";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime, isoShanghai } from "~/lib/time";
import { closeRoundEarly, extendRound, getRound, submitReply } from "~/models/round.server";
import { invalid } from "~/utils/errors";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";
import { planContext } from "~/models/plan-nav.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => ({ ...getRound(ctx, params.roundId!), planContext: planContext(ctx, { roundId: params.roundId! }) }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const locale = ctx.user.locale;
  const form = Object.fromEntries(await request.formData());
  const roundId = params.roundId!;
  switch (form.intent) {
    case "submit":
      return formAction(locale, "submit", () => {
        submitReply(ctx, roundId, form);
        return translate(locale, "submission.done");
      });
    case "extend":
      return formAction(locale, "extend", () =>
        translate(locale, "round.extended", { date: extendRound(ctx, roundId, form).closesAt.slice(0, 16).replace("T", " ") }),
      );
    case "close":
      return formAction(locale, "close", () => {
        closeRoundEarly(ctx, roundId);
        return translate(locale, "round.closedEarly");
      });
    default:
      return formAction(locale, "unknown", () => {
        throw invalid([{ path: "intent", message: "validation.choice" }]);
      });
  }
}

export default function RoundPage() {
  const r = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const [noComments, setNoComments] = useState(false);
  const busy = navigation.state !== "idle";
  const done = r.coverage.filter((c) => c.state === "submitted").length;
  const drafting = r.coverage.filter((c) => c.state === "drafting").length;
  const errorsFor = (intent: string) => (result && !result.ok && result.intent === intent ? result.fieldErrors : undefined);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{r.title}</h1>
          <div className="page-head__meta">
            {r.documentTitle}（{r.editionLabel}） · <Deadline open={r.open} closesAt={r.closesAt} daysLeft={r.daysLeft} /> ·{" "}
            {t(`round.visibility.${r.visibility}`)}
          </div>
        </div>
        <div className="row-actions">
          {r.canManage ? (
            <Link className="button button--ghost" to={`/rounds/${r.id}/workbench`} data-testid="open-workbench">
              {t("workbench.open")}
            </Link>
          ) : null}
          <Link className="button button--ghost" to={`/rounds/${r.id}/orphans`} data-testid="open-orphans">
            {t("orphans.link")}
          </Link>
          <Link className="button" to={`/editions/${r.editionId}?round=${r.id}`} data-testid="read-and-comment">
            {t("round.read")}
          </Link>
        </div>
      </div>
      {!r.open ? (
        <div className="alert alert--error" role="status" data-testid="round-closed">
          {t("round.closed")}
        </div>
      ) : null}
      <ActionResult result={result} testId="round-result" />
      {r.instructions ? <p className="card">{r.instructions}</p> : null}

      <div className="admin-grid">
        <section className="card" aria-labelledby="coverage-h">
          <h2 id="coverage-h">{r.canManage || r.coverage.length > 1 ? t("round.coverage") : t("round.myState")}</h2>
          {r.coverage.length > 1 ? (
            <p className="small">
              {t("round.coverageSummary", { done, total: r.coverage.length, drafting, none: r.coverage.length - done - drafting })}
            </p>
          ) : null}
          <DataTable
            testId="coverage"
            stack
            rows={r.coverage}
            rowKey={(c) => c.organizationId}
            rowProps={(c) => ({ "data-organization": c.name })}
            columns={[
              { key: "organization", header: t("admin.organization"), cell: (c) => c.name },
              {
                key: "state",
                header: t("admin.status"),
                cell: (c) => (
                  <>
                    <StateBadge state={c.state} count={c.commentCount} noComments={c.submission?.noComments} />
                    {!r.open && c.state !== "submitted" ? <div className="small field-error">{t("round.overdue")}</div> : null}
                  </>
                ),
              },
              {
                key: "comments",
                header: t("round.commentCount"),
                label: t("round.commentCount"),
                numeric: true,
                cell: (c) => c.commentCount,
              },
              {
                key: "submittedAt",
                header: t("round.submittedAt"),
                label: t("round.submittedAt"),
                cell: (c) => (c.submission ? formatDateTime(c.submission.submittedAt, locale) : "—"),
              },
              {
                key: "statement",
                header: t("round.statement"),
                className: "small stack-full",
                cell: (c) => (c.submission ? `${c.submission.statement}（${c.submission.by}）` : ""),
              },
            ]}
          />
        </section>

        <div>
          {r.canComment && r.mine ? (
            <section className="card" aria-labelledby="submission-h" data-testid="submission">
              <h2 id="submission-h">{t("submission.title")}</h2>
              {r.mine.submission ? (
                <>
                  <p>
                    <StateBadge state="submitted" count={r.mine.commentCount} noComments={r.mine.submission.noComments} />
                  </p>
                  <p>{r.mine.submission.statement}</p>
                  <p className="small muted">
                    {t("submission.by", { name: r.mine.submission.by, date: formatDateTime(r.mine.submission.submittedAt, locale) })}
                  </p>
                </>
              ) : r.open ? (
                <Form method="post" onSubmit={(e) => !window.confirm(t("submission.confirm")) && e.preventDefault()}>
                  <p className="small">{t("submission.lead")}</p>
                  {r.mine.commentCount === 0 ? (
                    <label className="small">
                      <input
                        type="checkbox"
                        checked={noComments}
                        onChange={(e) => setNoComments(e.target.checked)}
                        data-testid="no-comments"
                      />{" "}
                      {t("submission.noComments")}
                    </label>
                  ) : null}
                  <Field label={t("submission.statement")} id="statement" error={errorsFor("submit")?.statement}>
                    <textarea
                      name="statement"
                      rows={4}
                      required
                      key={noComments ? "none" : "some"}
                      defaultValue={noComments ? t("submission.noCommentsStatement") : ""}
                      placeholder={t("submission.statementPlaceholder")}
                    />
                  </Field>
                  <button type="submit" name="intent" value="submit" className="button" disabled={busy}>
                    {t("submission.submit")}
                  </button>
                </Form>
              ) : (
                <p className="field-error">{t("round.overdue")}</p>
              )}
            </section>
          ) : null}

          {r.canManage ? (
            <section className="card" aria-labelledby="manage-h">
              <h2 id="manage-h">{t("round.extend")}</h2>
              <Form method="post">
                <Field label={t("round.closesAtLabel")} id="closesAt" error={errorsFor("extend")?.closesAt}>
                  <input
                    name="closesAt"
                    type="datetime-local"
                    required
                    defaultValue={isoShanghai(Date.parse(r.scheduledClosesAt) + 3 * 86_400_000).slice(0, 16)}
                  />
                </Field>
                <Field label={t("round.extendReason")} id="reason" error={errorsFor("extend")?.reason}>
                  <input name="reason" maxLength={500} />
                </Field>
                <button type="submit" name="intent" value="extend" className="button button--ghost" disabled={busy}>
                  {t("round.extend")}
                </button>
              </Form>
              {r.open ? (
                <Form
                  method="post"
                  style={{ marginTop: "1rem" }}
                  onSubmit={(e) => !window.confirm(t("round.closeEarlyConfirm")) && e.preventDefault()}
                >
                  <button type="submit" name="intent" value="close" className="button button--danger" disabled={busy}>
                    {t("round.closeEarly")}
                  </button>
                </Form>
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
