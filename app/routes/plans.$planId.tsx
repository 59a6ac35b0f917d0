import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { documentKinds } from "~db/schema/enums";
import { ApprovalCard } from "~/components/approval-card";
import { StageTimeline } from "~/components/stage-timeline";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate, formatDateTime } from "~/lib/time";
import { indicatorSummary } from "~/models/indicator.server";
import { getPlanOverview } from "~/models/plan.server";
import { createDocument } from "~/models/document.server";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { planPermissions } from "~/models/plan-access.server";
import { requireUser } from "~/utils/session.server";
import { planContext } from "~/models/plan-nav.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => {
    const overview = getPlanOverview(ctx, params.planId!);
    return {
      ...overview,
      canDraft: planPermissions(ctx, overview.id).draft,
      planContext: planContext(ctx, { planId: overview.id }),
      indicators: indicatorSummary(ctx, overview.id),
    };
  });
}

/** Adds a document (drafters), then opens its outline. */
export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const form = Object.fromEntries(await request.formData());
  return formAction(ctx.user.locale, "createDocument", () => {
    const { id } = createDocument(ctx, params.planId!, form);
    throw redirect(`/documents/${id}`);
  });
}

export default function PlanDashboard() {
  const plan = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <div className="page-head">
        <div>
          <div className="plan-level" data-testid="plan-level">
            <span className={`badge ${plan.level === "city" ? "badge--accent" : "badge--info"}`}>{t(`plan.level.${plan.level}`)}</span>{" "}
            <strong>{plan.region}</strong>
            {plan.planContext.parent ? (
              <>
                {" "}
                · {t("plan.parent")}
                {t("common.colon")}
                <Link to={`/plans/${plan.planContext.parent.id}`}>{plan.planContext.parent.title}</Link>
              </>
            ) : null}
            {plan.planContext.draftingOrganization ? (
              <>
                {" "}
                · {t("plan.drafting")}
                {t("common.colon")}
                {plan.planContext.draftingOrganization}
              </>
            ) : null}
          </div>
          <h1>{plan.title}</h1>
          <div className="page-head__meta">
            {t("dashboard.period", { start: plan.periodStart, end: plan.periodEnd })} · {t("dashboard.current")}
            {t("common.colon")}
            <strong>{t(`stage.${plan.stage}`)}</strong>
          </div>
        </div>
        <Link to={`/plans/${plan.id}/projects`} className="button button--ghost button--small" data-testid="library-link">
          {t("library.nav.plan")}
        </Link>
      </div>

      {plan.approval.approvedOn ? (
        <div className="alert alert--info" data-testid="frozen-banner">
          {t("plan.frozenBanner", {
            date: formatDate(plan.approval.approvedOn, locale),
            authority: plan.approval.authority ?? "",
            number: plan.approval.documentNumber ?? "",
          })}
        </div>
      ) : null}

      <section className="card" aria-labelledby="stages-h">
        <h2 id="stages-h">{t("dashboard.stages")}</h2>
        <StageTimeline stages={plan.stages} />
      </section>

      <div className="dashboard">
        <section className="card" aria-labelledby="docs-h">
          <h2 id="docs-h">{t("dashboard.documents")}</h2>
          {plan.seesDrafts ? <p className="small muted">{t("dashboard.unpublishedNote")}</p> : null}
          <ul className="doc-list" data-testid="documents">
            {plan.documents.map((doc, i) => (
              <li key={doc.id}>
                <div className="doc-head">
                  <h3>
                    {plan.canDraft ? <Link to={`/documents/${doc.id}`}>{doc.title}</Link> : doc.title}{" "}
                    <span className="badge">{t(`docKind.${doc.kind}`)}</span>
                  </h3>
                  <span className="small">
                    {doc.editions.length ? (
                      doc.editions.map((e) => (
                        <span key={e.id}>
                          <Link to={`/editions/${e.id}`} className="badge badge--accent" title={e.manifestHash}>
                            {e.label} · {formatDateTime(e.publishedAt, locale).slice(0, 10)}
                          </Link>
                          {e.id === plan.approval.editionId && e.label !== t("approval.badge") ? (
                            <span className="badge badge--warn" data-testid="approval-badge">
                              {t("approval.badge")}
                            </span>
                          ) : null}
                        </span>
                      ))
                    ) : (
                      <span className="badge">{t("dashboard.noEditions")}</span>
                    )}
                  </span>
                </div>
                {doc.sections.length ? (
                  <details className="doc-sections" open={i === 0}>
                    <summary>{t("dashboard.sections", { count: doc.sections.length })}</summary>
                    <ul className="toc">
                      {doc.sections.map((s) => (
                        <li key={s.id} className={s.parentId ? "toc--child" : undefined}>
                          <Link to={`/sections/${s.id}`}>
                            <span className="toc__num">{s.number}</span>
                            {s.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
          {plan.canDraft ? (
            <details className="small" open={!!failure}>
              <summary>{t("outline.newDocument")}</summary>
              <Form method="post" className="row-actions" style={{ marginTop: "0.5rem" }}>
                <input
                  name="title"
                  aria-label={t("outline.documentTitle")}
                  placeholder={t("outline.documentTitle")}
                  className="input"
                  required
                  maxLength={100}
                />
                <select name="kind" aria-label={t("outline.documentKind")} className="input" defaultValue="topic_report">
                  {documentKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`docKind.${k}`)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button button--small">
                  {t("outline.newDocument")}
                </button>
                {failure && !failure.ok ? <span className="field-error">{failure.formError}</span> : null}
              </Form>
            </details>
          ) : null}
        </section>

        <div className="dashboard__side">
          <ApprovalCard planId={plan.id} approval={plan.approval} />
          <section className="card" aria-labelledby="rounds-h" data-testid="rounds">
            <h2 id="rounds-h">{t("dashboard.rounds")}</h2>
            {plan.rounds.length === 0 ? <p className="muted small">{t("dashboard.noRounds")}</p> : null}
            {plan.rounds.map((r) => (
              <div key={r.id} className="round-item">
                <div>
                  <Link to={`/rounds/${r.id}`}>{r.title}</Link>
                </div>
                <div className="small muted">
                  {t("dashboard.closesAt", { date: formatDateTime(r.closesAt, locale) })}{" "}
                  {r.open ? (
                    <span className={`badge ${r.daysLeft <= 3 ? "badge--warn" : "badge--accent"}`}>
                      {t("dashboard.daysLeft", { days: Math.max(r.daysLeft, 0) })}
                    </span>
                  ) : (
                    <span className="badge">{t("dashboard.done")}</span>
                  )}
                </div>
                <div className="progress" aria-hidden="true">
                  <span style={{ width: `${r.invitedCount ? Math.round((100 * r.submittedCount) / r.invitedCount) : 0}%` }} />
                </div>
                <div className="small">
                  {t("dashboard.replied", { done: r.submittedCount, total: r.invitedCount })} · {t(`round.visibility.${r.visibility}`)}
                </div>
                {r.myOrganizationInvited ? (
                  <div className="small">
                    {t("round.myState")}
                    {t("common.colon")}
                    {r.mySubmittedAt ? (
                      <span className="badge badge--accent">{t("round.state.submitted")}</span>
                    ) : (
                      <span className="badge badge--warn">{t("round.notReplied")}</span>
                    )}{" "}
                    <Link to={`/editions/${r.editionId}?round=${r.id}`}>{t("round.read")}</Link>
                  </div>
                ) : (
                  <div className="small">
                    <Link to={`/editions/${r.editionId}?round=${r.id}`}>{t("round.read")}</Link>
                  </div>
                )}
              </div>
            ))}
          </section>

          <section className="card" aria-labelledby="indicators-h" data-testid="indicators-card">
            <h2 id="indicators-h">{t("indicators.dashboard.title")}</h2>
            <div className="small">
              <Link to={`/plans/${plan.id}/indicators`}>{t("indicators.dashboard.open")}</Link>
            </div>
            {plan.indicators.mismatches !== null ? (
              <div className="small" data-testid="indicator-mismatches">
                <Link
                  to={`/plans/${plan.id}/indicators#check`}
                  className={`badge ${plan.indicators.mismatches ? "badge--danger" : "badge--accent"}`}
                >
                  {plan.indicators.mismatches
                    ? t("indicators.dashboard.mismatches", { count: plan.indicators.mismatches })
                    : t("indicators.dashboard.allOk")}
                </Link>
              </div>
            ) : null}
          </section>

          <section className="card" aria-labelledby="reviews-h" data-testid="reviews">
            <h2 id="reviews-h">{t("dashboard.reviews")}</h2>
            {plan.reviews.length === 0 ? <p className="muted small">{t("dashboard.noReviews")}</p> : null}
            {plan.reviews.map((r) => (
              <div key={r.id} className="review-item">
                <div>
                  <Link to={`/reviews/${r.id}`}>{r.title}</Link>
                </div>
                <div className="small muted">
                  {t("dashboard.panel", { count: r.expertCount, quorum: r.quorum })}
                  {r.meetingDate ? ` · ${formatDate(r.meetingDate, locale)}` : ""}
                </div>
              </div>
            ))}
          </section>
        </div>
      </div>
    </>
  );
}
