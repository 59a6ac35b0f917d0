import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { conclusions } from "~db/schema/enums";
import { ActionResult } from "~/components/action-result";
import { DiffView } from "~/components/diff-view";
import { BrowserSignatureNote } from "~/components/signing/browser-signature-note";
import { opinionOf, SignedForm } from "~/components/signing/signed-form";
import { CONFIRMATION_CONCLUSION } from "~/lib/hash/signing-payload";
import { translate } from "~/i18n";
import { Field, FieldSet } from "~/components/ui/field";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate, formatDateTime } from "~/lib/time";
import { concludeReview } from "~/models/review-conclusion.server";
import { confirmReviewChanges } from "~/models/review-confirmation.server";
import { getReviewPage } from "~/models/review-view.server";
import { signOff } from "~/models/review-signoff.server";
import diffStyles from "~/styles/diff.css?url";
import { invalid } from "~/utils/errors";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";
import { planContext } from "~/models/plan-nav.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: diffStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  // ?confirm=:editionId: the chair's confirmation step, with the diff from the reviewed edition
  const compareTo = new URL(request.url).searchParams.get("confirm");
  return forPage(ctx, () => ({
    ...getReviewPage(ctx, params.reviewId!, compareTo),
    planContext: planContext(ctx, { reviewId: params.reviewId! }),
  }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const locale = ctx.user.locale;
  const form = Object.fromEntries(await request.formData());
  if (form.confirm !== "yes") {
    return formAction(locale, String(form.intent), () => {
      throw invalid([{ path: "confirm", message: "review.confirmRequired" }], "review.confirmRequired");
    });
  }
  if (form.intent === "confirmChanges") {
    return formAction(locale, "confirmChanges", () => {
      confirmReviewChanges(ctx, params.reviewId!, form, { requireBrowserSignature: true });
      return translate(locale, "confirmation.done");
    });
  }
  if (form.intent === "sign") {
    return formAction(locale, "sign", () => {
      signOff(ctx, params.reviewId!, form, { requireBrowserSignature: true });
      return translate(locale, "review.signedDone");
    });
  }
  return formAction(locale, "conclude", () => {
    concludeReview(ctx, params.reviewId!, form, { requireBrowserSignature: true });
    return translate(locale, "review.concluded");
  });
}

function OpinionFields({ idPrefix, conditions = false }: { idPrefix: string; conditions?: boolean }) {
  const t = useT();
  return (
    <>
      <FieldSet legend={t("review.conclusion")}>
        {conclusions.map((c) => (
          <label key={c}>
            <input type="radio" name="conclusion" value={c} required defaultChecked={c === "approve_with_changes"} />{" "}
            {t(`review.conclusion.${c}`)}
          </label>
        ))}
      </FieldSet>
      <Field label={t("review.opinion")} id={`${idPrefix}-opinion`}>
        <textarea name="opinion" rows={8} required maxLength={10000} />
      </Field>
      {conditions ? (
        <Field label={t("review.conditions")} id={`${idPrefix}-conditions`} hint={t("review.conditionsHint")}>
          <textarea name="conditions" rows={4} maxLength={20000} />
        </Field>
      ) : null}
    </>
  );
}

export default function ReviewPage() {
  const r = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const busy = navigation.state !== "idle";
  const signedCount = r.panel.filter((p) => p.signoff?.valid).length;
  const signContext = { reviewId: r.id, signerId: r.signerId, manifestHash: r.manifestHash, manifestSm3: r.manifestSm3 };
  const confirm = (
    <label className="small confirm">
      <input type="checkbox" name="confirm" value="yes" required />{" "}
      {t("review.confirm", { label: `${r.documentTitle}（${r.editionLabel}）`, hash: r.manifestHash.slice(0, 12) })}
    </label>
  );
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{r.title}</h1>
          <div className="page-head__meta">
            {t("review.edition")}
            {t("common.colon")}
            {r.documentTitle}（{r.editionLabel}） · {t("edition.manifestHash")}{" "}
            <span className="mono" data-testid="review-hash" title={r.manifestHash}>
              {r.manifestHash.slice(0, 12)}
            </span>
            {r.meetingDate ? ` · ${t("review.meetingDate")}${t("common.colon")}${formatDate(r.meetingDate, locale)}` : ""}
          </div>
        </div>
        <Link className="button button--ghost" to={`/editions/${r.editionId}`}>
          {t("review.readEdition")}
        </Link>
      </div>
      <ActionResult result={result} testId="review-result" />
      <div className="admin-grid">
        <section className="card" aria-labelledby="panel-h">
          <h2 id="panel-h">
            {t("review.signoffs")}{" "}
            <span className={`badge ${r.status === "open" ? "badge--warn" : "badge--accent"}`}>
              {t(
                r.status === "open"
                  ? "review.status.open"
                  : r.status === "quorum_reached"
                    ? "review.status.quorum"
                    : "review.status.concluded",
              )}
            </span>
          </h2>
          <p className="small">
            {t("review.quorum")}
            {t("common.colon")}
            {signedCount}/{r.quorum}
          </p>
          <ol className="history" data-testid="panel">
            {r.panel.map((p) => (
              <li key={p.expert.id} data-expert={p.expert.username}>
                <div>
                  <strong>{p.expert.name}</strong> <span className="small muted">{p.expert.title}</span>{" "}
                  {p.chair ? <span className="badge badge--accent">{t("review.chair")}</span> : null}{" "}
                  {p.signoff ? (
                    <span className={`badge ${p.signoff.valid ? "badge--accent" : "badge--danger"}`}>
                      {p.signoff.valid ? `${t("review.signed")} · ${t(`review.conclusion.${p.signoff.conclusion}`)}` : t("review.invalid")}
                    </span>
                  ) : (
                    <span className="badge">{t("review.notSigned")}</span>
                  )}
                </div>
                {p.signoff ? (
                  <>
                    <p className="thread__body">{p.signoff.opinion}</p>
                    <div className="small muted">
                      {formatDateTime(p.signoff.signedAt, locale)} · {t("review.signatureHash")}{" "}
                      <span className="mono">{p.signoff.signatureHash.slice(0, 12)}</span>
                    </div>
                    <BrowserSignatureNote browser={p.signoff.browser} />
                  </>
                ) : null}
              </li>
            ))}
          </ol>
          {r.panelConclusion ? (
            <div className="card" data-testid="panel-conclusion">
              <h3>
                {t("review.panelConclusion")}
                {t("common.colon")}
                {t(`review.conclusion.${r.panelConclusion.conclusion}`)}
              </h3>
              <p className="thread__body">{r.panelConclusion.opinion}</p>
              <Conditions conditions={r.panelConclusion.conditions} />
              <div className="small muted">
                {formatDateTime(r.panelConclusion.signedAt, locale)} · {t("review.signatureHash")}{" "}
                <span className="mono">{r.panelConclusion.signatureHash.slice(0, 12)}</span>
              </div>
              <BrowserSignatureNote browser={r.panelConclusion.browser} />
            </div>
          ) : null}
          {r.confirmations.length ? (
            <div className="card" data-testid="confirmations">
              <h3>{t("confirmation.list")}</h3>
              <ul className="history">
                {r.confirmations.map((c) => (
                  <li key={c.id}>
                    <div className="small">
                      {t("confirmation.item", { name: c.chair.name, date: formatDateTime(c.signedAt, locale), label: c.label })}{" "}
                      {c.valid ? null : <span className="badge badge--danger">{t("review.invalid")}</span>}
                    </div>
                    <div className="small muted">
                      {t("edition.manifestHash")} <span className="mono">{c.manifestHash.slice(0, 12)}</span> · {t("review.signatureHash")}{" "}
                      <span className="mono">{c.signatureHash.slice(0, 12)}</span>{" "}
                      <Link to={`/editions/${r.editionId}/diff/${c.editionId}`}>{t("confirmation.showDiff")}</Link>
                    </div>
                    <BrowserSignatureNote browser={c.browser} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
        <div>
          {r.me.onPanel && !r.me.signed && r.status !== "concluded" ? (
            <section className="card" aria-labelledby="sign-h">
              <h2 id="sign-h">{t("review.sign")}</h2>
              <SignedForm kind="signoff" context={signContext} fields={opinionOf} testId="signoff-form">
                <input type="hidden" name="manifestHash" value={r.manifestHash} />
                <OpinionFields idPrefix="sign" />
                {confirm}
                <button type="submit" name="intent" value="sign" className="button" disabled={busy}>
                  {t("review.sign")}
                </button>
              </SignedForm>
            </section>
          ) : null}
          {r.me.isChair && r.status === "quorum_reached" ? (
            <section className="card" aria-labelledby="conclude-h">
              <h2 id="conclude-h">{t("review.conclude")}</h2>
              <SignedForm kind="conclusion" context={signContext} fields={opinionOf} testId="conclusion-form">
                <OpinionFields idPrefix="conclude" conditions />
                {confirm}
                <button type="submit" name="intent" value="conclude" className="button" disabled={busy}>
                  {t("review.conclude")}
                </button>
              </SignedForm>
            </section>
          ) : null}
          {r.rounds.length ? (
            <section className="card" aria-labelledby="adoption-h">
              <h2 id="adoption-h">{t("adoption.title")}</h2>
              {r.rounds.map((round) => (
                <p key={round.id} className="small">
                  {round.title}
                  {t("common.colon")}{" "}
                  {(["xlsx", "docx"] as const).map((f) => (
                    <a
                      key={f}
                      href={`/api/v1/rounds/${round.id}/adoption-table.${f}`}
                      download
                      className="button button--small button--ghost"
                    >
                      {f}
                    </a>
                  ))}
                </p>
              ))}
            </section>
          ) : null}
          <section className="card">
            <p className="small muted">{t("edition.hashHelp")}</p>
            <p className="small mono">{r.manifestHash}</p>
            <p className="small mono">SM3 {r.manifestSm3}</p>
            <p>
              <a
                href={`/api/v1/reviews/${r.id}/sheet.docx`}
                download
                className="button button--small button--ghost"
                data-testid="sheet-link"
              >
                {t("sheet.download")}
              </a>{" "}
              <Link to="/verify" className="small">
                {t("verify.nav")}
              </Link>
            </p>
          </section>
        </div>
      </div>
      {r.me.isChair && r.panelConclusion?.conclusion === "approve_with_changes" ? <ConfirmationStep r={r} /> : null}
    </>
  );
}

type ReviewPageData = ReturnType<typeof useLoaderData<typeof loader>>;

/** 确认修改落实: the chair picks a later edition, reads its diff from the reviewed one, and confirms. */
function ConfirmationStep({ r }: { r: ReviewPageData }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const diff = r.confirmationDiff;
  const changed = diff ? diff.sections.filter((s) => s.status !== "unchanged") : [];
  const labels = diff ? { before: diff.from.label, after: diff.to.label, inserted: t("diff.inserted"), deleted: t("diff.deleted") } : null;
  return (
    <section className="card" aria-labelledby="confirm-h" data-testid="confirmation-step">
      <h2 id="confirm-h">{t("confirmation.title")}</h2>
      <p className="small muted">{t("confirmation.lead")}</p>
      {r.confirmationCandidates.length === 0 ? (
        <p className="small">{t("confirmation.noCandidates")}</p>
      ) : (
        <Form method="get" className="filters">
          <label htmlFor="confirm-edition" className="small">
            {t("confirmation.edition")}
          </label>
          <select id="confirm-edition" name="confirm" className="input" defaultValue={diff?.to.id ?? r.confirmationCandidates[0].id}>
            {r.confirmationCandidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}（{c.publishedAt.slice(0, 10)}）
              </option>
            ))}
          </select>
          <button type="submit" className="button button--small button--ghost">
            {t("confirmation.showDiff")}
          </button>
        </Form>
      )}
      {diff && labels ? (
        <>
          <h3 className="small">{t("confirmation.diffTitle", { from: diff.from.label, to: diff.to.label })}</h3>
          <p className="small" data-testid="confirmation-diff-summary">
            {t("diff.summary", {
              changed: diff.sections.filter((s) => s.status === "changed").length,
              added: diff.sections.filter((s) => s.status === "added").length,
              removed: diff.sections.filter((s) => s.status === "removed").length,
              unchanged: diff.sections.filter((s) => s.status === "unchanged").length,
            })}
          </p>
          {changed.length === 0 ? <p className="small muted">{t("confirmation.noChanges")}</p> : null}
          <div className="confirm-diff" data-testid="confirmation-diff">
            {changed.map((s) => (
              <div key={s.sectionId}>
                <h4 className="small">
                  <span className="toc__num">{s.number}</span>
                  {s.title} <span className="badge badge--warn">{t(`diff.status.${s.status}`)}</span>
                </h4>
                <DiffView ops={s.ops} labels={labels} />
              </div>
            ))}
          </div>
          <Conditions conditions={r.panelConclusion?.conditions ?? []} />
          <SignedForm
            kind="confirmation"
            context={{ reviewId: r.id, signerId: r.signerId, manifestHash: diff.to.manifestHash, manifestSm3: r.confirmationSm3 ?? "" }}
            fields={() => ({ conclusion: CONFIRMATION_CONCLUSION, opinion: "" })}
            testId="confirmation-form"
          >
            <input type="hidden" name="editionId" value={diff.to.id} />
            <label className="small confirm">
              <input type="checkbox" name="confirm" value="yes" required />{" "}
              {t("confirmation.confirm", { label: diff.to.label, hash: diff.to.manifestHash.slice(0, 12) })}
            </label>
            <button type="submit" name="intent" value="confirmChanges" className="button" disabled={busy}>
              {t("confirmation.submit")}
            </button>
          </SignedForm>
        </>
      ) : null}
    </section>
  );
}

/** 修改后通过: the conditions the panel set. */
function Conditions({ conditions }: { conditions: string[] }) {
  const t = useT();
  if (!conditions.length) return null;
  return (
    <div data-testid="conditions">
      <h4 className="small">{t("review.conditions")}</h4>
      <ol className="small">
        {conditions.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
    </div>
  );
}
