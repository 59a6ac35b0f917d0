import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ActionResult } from "~/components/action-result";
import { ApprovalRecord, DossierCard, FilingForm, RecordForm } from "~/components/approval/approval-forms";
import { translate } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import { MAX_LETTER_BYTES } from "~/lib/approval/records";
import { formatDate, formatDateTime } from "~/lib/time";
import { attachApprovalLetter, recordApproval } from "~/models/approval-record.server";
import { fileApproval } from "~/models/approval-filing.server";
import { getApprovalPage } from "~/models/approval-view.server";
import { requestApproval, withdrawApprovalRequest } from "~/models/approval-request.server";
import { planContext } from "~/models/plan-nav.server";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";
import { FORM_OVERHEAD_BYTES, formFields, formFile, readFormCapped } from "~/utils/upload.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · ${data.plan.title}` : "" }];

/** 报批与备案: the gate as a checklist, the request, the approval, the filing and their history. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const edition = new URL(request.url).searchParams.get("edition");
  return forPage(ctx, () => {
    const page = getApprovalPage(ctx, params.planId!, edition);
    const title = translate(ctx.user.locale, "approval.title");
    const plan = planContext(ctx, { planId: page.plan.id });
    return { ...page, title, planContext: { ...plan, trail: [...plan.trail, { label: title, to: null }] } };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const locale = ctx.user.locale;
  const planId = params.planId!;
  let intent = "unknown";
  return formAction(locale, intent, async () => {
    // one capped read for every form of the page (the approval letter is the largest part)
    const form = await readFormCapped(request, MAX_LETTER_BYTES + FORM_OVERHEAD_BYTES, "approval.letterTooLarge");
    const fields = formFields(form);
    intent = fields.intent ?? "unknown";
    switch (intent) {
      case "request":
        requestApproval(ctx, planId, fields);
        return translate(locale, "approval.requested");
      case "withdraw":
        withdrawApprovalRequest(ctx, planId);
        return translate(locale, "approval.withdrawn");
      case "approve":
        recordApproval(ctx, planId, fields, await formFile(form, "letter"));
        return translate(locale, "approval.recorded");
      case "letter":
        attachApprovalLetter(ctx, planId, await formFile(form, "letter"));
        return translate(locale, "approval.letterAttached");
      case "file":
        fileApproval(ctx, planId, fields);
        return translate(locale, "approval.filed");
      default:
        throw new Response("Unknown intent", { status: 400 });
    }
  });
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ApprovalPage() {
  const p = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const edition = p.editions.find((e) => e.id === p.editionId);
  const stateBadge = { none: "", requested: "badge--warn", approved: "badge--accent", filed: "badge--accent" }[p.summary.state];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("approval.title")}</h1>
          <div className="page-head__meta">
            {p.plan.title} · {t("dashboard.current")}
            {t("common.colon")}
            <strong>{t(`stage.${p.plan.stage}`)}</strong> ·{" "}
            <span className={`badge ${stateBadge}`} data-testid="approval-state">
              {t(`approval.state.${p.summary.state}`)}
            </span>
          </div>
        </div>
      </div>
      {p.approval ? (
        <div className="alert alert--info" data-testid="frozen-banner">
          {t("plan.frozenBanner", {
            date: formatDate(p.approval.approvedOn, locale),
            authority: p.approval.authority,
            number: p.approval.documentNumber,
          })}
        </div>
      ) : null}
      <ActionResult result={result} testId="approval-result" />

      <div className="admin-grid">
        <div>
          {p.summary.state === "none" ? <GateCard p={p} /> : <RequestCard p={p} />}
          {p.can.record ? <RecordForm defaults={p.defaults} errors={errors} /> : null}
          {p.approval ? (
            <ApprovalRecord planId={p.plan.id} approval={p.approval} canAttachLetter={p.can.attachLetter} errors={errors} />
          ) : null}
          {p.can.file ? <FilingForm today={p.defaults.today} errors={errors} /> : null}
          {p.filing ? (
            <section className="card" aria-labelledby="filing-h" data-testid="filing-record">
              <h2 id="filing-h">{t("approval.filing")}</h2>
              <dl className="facts">
                <dt>{t("approval.filedOn")}</dt>
                <dd>{formatDate(p.filing.filedOn, locale)}</dd>
                {p.filing.filingNumber ? (
                  <>
                    <dt>{t("approval.filingNumberLabel")}</dt>
                    <dd>{p.filing.filingNumber}</dd>
                  </>
                ) : null}
              </dl>
            </section>
          ) : null}
        </div>
        <div>
          {p.can.dossier ? (
            <DossierCard
              planId={p.plan.id}
              editionId={p.editionId}
              editionLabel={edition ? `${edition.documentTitle}（${edition.label}）` : ""}
              dossier={p.dossier}
            />
          ) : null}
          <section className="card" aria-labelledby="history-h">
            <h2 id="history-h">{t("approval.history")}</h2>
            {p.history.length === 0 ? <p className="small muted">{t("approval.history.none")}</p> : null}
            <ol className="history" data-testid="approval-history">
              {p.history.map((h, i) => (
                <li key={`${h.kind}-${i}`}>
                  <div className="small">
                    {h.kind === "request" || h.kind === "withdrawn"
                      ? t(`approval.history.${h.kind}`, { name: h.name, label: h.label ?? "" })
                      : h.kind === "approval"
                        ? t("approval.history.approval", {
                            authority: h.authority ?? "",
                            number: h.number ?? "",
                            date: formatDate(h.date ?? "", locale),
                          })
                        : t("approval.history.filing", { name: h.name, date: formatDate(h.date ?? "", locale) })}
                  </div>
                  <div className="small muted">{formatDateTime(h.at, locale)}</div>
                  {h.kind === "approval" && h.hasLetter ? (
                    <a href={`/plans/${p.plan.id}/approval/letter.pdf`} className="small" data-testid="letter-link">
                      {t("approval.letterDownload")}
                    </a>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </>
  );
}

function GateCard({ p }: { p: PageData }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  if (!p.editions.length) {
    return (
      <section className="card">
        <h2>{t("approval.check.title")}</h2>
        <p className="muted">{t("approval.dossierNoEdition")}</p>
      </section>
    );
  }
  const edition = p.editions.find((e) => e.id === p.editionId)!;
  return (
    <section className="card" aria-labelledby="gate-h" data-testid="gate">
      <h2 id="gate-h">{t("approval.check.title")}</h2>
      <Form method="get" className="filters" style={{ marginBottom: "0.75rem" }}>
        <label htmlFor="edition" className="small">
          {t("approval.edition")}
        </label>
        <select id="edition" name="edition" className="input" defaultValue={p.editionId ?? undefined}>
          {p.editions.map((e) => (
            <option key={e.id} value={e.id}>
              {e.documentTitle}（{e.label}）
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small button--ghost">
          {t("approval.editionShow")}
        </button>
      </Form>
      <p className="small muted">{t("approval.check.lead")}</p>
      <ul className="checklist" data-testid="checklist">
        {p.checklist.map((c) => (
          <li key={c.item} className={c.met ? "is-met" : "is-unmet"} data-code={c.code ?? undefined}>
            <span className={`badge ${c.met ? "badge--accent" : "badge--danger"}`}>
              {t(c.met ? "approval.check.met" : "approval.check.unmet")}
            </span>{" "}
            <strong>{t(`approval.check.${c.item}.name`)}</strong>
            <div className="small">{c.message}</div>
            {c.links.length && !c.met ? (
              <div className="row-actions small">
                {c.links.map((l) => (
                  <Link key={l.href} to={l.href}>
                    {l.label}
                  </Link>
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {p.warnings.length ? (
        <div className="alert alert--info small" data-testid="warnings">
          <strong>{t("approval.warnings")}</strong>
          <ul>
            {p.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.can.request ? (
        <Form method="post" data-testid="request-form">
          <input type="hidden" name="editionId" value={edition.id} />
          <p className="small muted">{t("approval.editionHelp")}</p>
          <button type="submit" name="intent" value="request" className="button" disabled={busy}>
            {t("approval.request")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function RequestCard({ p }: { p: PageData }) {
  const t = useT();
  const locale = useLocale();
  const edition = p.editions.find((e) => e.id === p.summary.editionId);
  return (
    <section className="card" aria-labelledby="request-h" data-testid="request">
      <h2 id="request-h">{t("approval.edition")}</h2>
      {edition ? (
        <p>
          <Link to={`/editions/${edition.id}`}>
            {edition.documentTitle}（{edition.label}）
          </Link>{" "}
          {edition.label.includes(t("approval.badge")) ? null : <span className="badge badge--warn">{t("approval.badge")}</span>}
          <br />
          <span className="small muted">
            {t("edition.manifestHash")} <span className="mono">{edition.manifestHash}</span>
          </span>
        </p>
      ) : null}
      {p.summary.requestedAt ? (
        <p className="small">
          {t("approval.requestedAt")}
          {t("common.colon")}
          {formatDateTime(p.summary.requestedAt, locale)}
        </p>
      ) : null}
      {p.request?.warnings.length ? (
        <div className="alert alert--info small">
          <strong>{t("approval.warnings")}</strong>
          <ul>
            {p.request.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.can.withdraw ? (
        <Form method="post">
          <button type="submit" name="intent" value="withdraw" className="button button--small button--danger">
            {t("approval.withdraw")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
