import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ActionResult } from "~/components/action-result";
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
          {p.can.record ? <RecordForm p={p} errors={errors} /> : null}
          {p.approval ? <ApprovalRecord p={p} errors={errors} /> : null}
          {p.can.file ? <FilingForm p={p} errors={errors} /> : null}
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
          {p.can.dossier ? <DossierCard p={p} editionLabel={edition ? `${edition.documentTitle}（${edition.label}）` : ""} /> : null}
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

function FieldError({ errors, name }: { errors: Record<string, string>; name: string }) {
  return errors[name] ? (
    <span className="field-error" id={`${name}-error`}>
      {errors[name]}
    </span>
  ) : null;
}

function RecordForm({ p, errors }: { p: PageData; errors: Record<string, string> }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  return (
    <section className="card" aria-labelledby="record-h">
      <h2 id="record-h">{t("approval.record")}</h2>
      <p className="small muted">{t("approval.recordHelp")}</p>
      <Form method="post" encType="multipart/form-data" className="form-narrow" data-testid="record-form">
        <div className="field">
          <label htmlFor="authority">{t("approval.authority")}</label>
          <input id="authority" name="authority" defaultValue={p.defaults.authority} required maxLength={100} />
          <FieldError errors={errors} name="authority" />
        </div>
        <div className="field">
          <label htmlFor="documentNumber">{t("approval.documentNumber")}</label>
          <input id="documentNumber" name="documentNumber" required maxLength={50} aria-describedby="documentNumber-hint" />
          <span className="field-hint" id="documentNumber-hint">
            {t("approval.documentNumberHint")}
          </span>
          <FieldError errors={errors} name="documentNumber" />
        </div>
        <div className="field">
          <label htmlFor="approvedOn">{t("approval.approvedOn")}</label>
          <input id="approvedOn" name="approvedOn" type="date" required max={p.defaults.today} defaultValue={p.defaults.today} />
          <FieldError errors={errors} name="approvedOn" />
        </div>
        <div className="field">
          <label htmlFor="letter">{t("approval.letter")}</label>
          <input id="letter" name="letter" type="file" accept="application/pdf,.pdf" />
          <FieldError errors={errors} name="letter" />
        </div>
        <button type="submit" name="intent" value="approve" className="button" disabled={busy}>
          {t("approval.record")}
        </button>
      </Form>
    </section>
  );
}

function ApprovalRecord({ p, errors }: { p: PageData; errors: Record<string, string> }) {
  const t = useT();
  const locale = useLocale();
  const a = p.approval!;
  return (
    <section className="card" aria-labelledby="approval-h" data-testid="approval-record">
      <h2 id="approval-h">{t("approval.recordTitle")}</h2>
      <dl className="facts">
        <dt>{t("approval.authority")}</dt>
        <dd>{a.authority}</dd>
        <dt>{t("approval.documentNumber")}</dt>
        <dd>{a.documentNumber}</dd>
        <dt>{t("approval.approvedOn")}</dt>
        <dd>{formatDate(a.approvedOn, locale)}</dd>
        <dt>{t("approval.letterLabel")}</dt>
        <dd>
          {a.hasLetter ? (
            <a href={`/plans/${p.plan.id}/approval/letter.pdf`}>{t("approval.letterDownload")}</a>
          ) : (
            <span className="muted">{t("approval.letterMissing")}</span>
          )}
        </dd>
      </dl>
      {p.can.attachLetter ? (
        <Form method="post" encType="multipart/form-data" className="row-actions">
          <input name="letter" type="file" accept="application/pdf,.pdf" required aria-label={t("approval.letter")} />
          <button type="submit" name="intent" value="letter" className="button button--small">
            {t("approval.letterAttach")}
          </button>
          <FieldError errors={errors} name="letter" />
        </Form>
      ) : null}
    </section>
  );
}

function FilingForm({ p, errors }: { p: PageData; errors: Record<string, string> }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  return (
    <section className="card" aria-labelledby="file-h">
      <h2 id="file-h">{t("approval.file")}</h2>
      <p className="small muted">{t("approval.fileHelp")}</p>
      <Form method="post" className="form-narrow" data-testid="filing-form">
        <div className="field">
          <label htmlFor="filedOn">{t("approval.filedOn")}</label>
          <input id="filedOn" name="filedOn" type="date" required max={p.defaults.today} defaultValue={p.defaults.today} />
          <FieldError errors={errors} name="filedOn" />
        </div>
        <div className="field">
          <label htmlFor="filingNumber">{t("approval.filingNumber")}</label>
          <input id="filingNumber" name="filingNumber" maxLength={50} />
          <FieldError errors={errors} name="filingNumber" />
        </div>
        <button type="submit" name="intent" value="file" className="button" disabled={busy}>
          {t("approval.file")}
        </button>
      </Form>
    </section>
  );
}

function DossierCard({ p, editionLabel }: { p: PageData; editionLabel: string }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="dossier-h" data-testid="dossier">
      <h2 id="dossier-h">{t("approval.dossier")}</h2>
      <p className="small muted">{t("approval.dossierHelp")}</p>
      {editionLabel ? <p className="small">{editionLabel}</p> : null}
      <form method="get" action={`/plans/${p.plan.id}/dossier.zip`}>
        {p.editionId ? <input type="hidden" name="edition" value={p.editionId} /> : null}
        <div className="field">
          <label htmlFor="dossier-number">{t("approval.dossierNumber")}</label>
          <input id="dossier-number" name="number" maxLength={50} placeholder={p.dossier.numberHint} />
        </div>
        <div className="field">
          <label htmlFor="dossier-contact">{t("approval.dossierContact")}</label>
          <input id="dossier-contact" name="contact" maxLength={20} defaultValue={p.dossier.contact} />
        </div>
        <div className="field">
          <label htmlFor="dossier-phone">{t("approval.dossierPhone")}</label>
          <input id="dossier-phone" name="phone" maxLength={30} />
        </div>
        <div className="field">
          <label htmlFor="dossier-cc">{t("approval.dossierCc")}</label>
          <input id="dossier-cc" name="cc" maxLength={200} defaultValue={p.dossier.cc} />
        </div>
        <button type="submit" className="button button--ghost" data-testid="dossier-download">
          {t("approval.dossierDownload")}
        </button>
      </form>
    </section>
  );
}
