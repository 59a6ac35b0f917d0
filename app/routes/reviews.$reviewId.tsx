import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { conclusions } from "../../db/schema/enums";
import { ActionResult } from "~/components/action-result";
import { translate } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate, formatDateTime } from "~/lib/time";
import { concludeReview, getReview, signOff } from "~/models/review.server";
import { invalid } from "~/utils/errors";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";
import { planContext } from "~/models/plan-nav.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => ({ ...getReview(ctx, params.reviewId!), planContext: planContext(ctx, { reviewId: params.reviewId! }) }));
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
  if (form.intent === "sign") {
    return formAction(locale, "sign", () => {
      signOff(ctx, params.reviewId!, form);
      return translate(locale, "review.signedDone");
    });
  }
  return formAction(locale, "conclude", () => {
    concludeReview(ctx, params.reviewId!, form);
    return translate(locale, "review.concluded");
  });
}

function OpinionFields({ idPrefix }: { idPrefix: string }) {
  const t = useT();
  return (
    <>
      <fieldset className="field">
        <legend>{t("review.conclusion")}</legend>
        {conclusions.map((c) => (
          <label key={c}>
            <input type="radio" name="conclusion" value={c} required defaultChecked={c === "approve_with_changes"} /> {t(`review.conclusion.${c}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${idPrefix}-opinion`}>{t("review.opinion")}</label>
        <textarea id={`${idPrefix}-opinion`} name="opinion" rows={8} required maxLength={10000} />
      </div>
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
  const confirm = (
    <label className="small confirm">
      <input type="checkbox" name="confirm" value="yes" required /> {t("review.confirm", { label: `${r.documentTitle}（${r.editionLabel}）`, hash: r.manifestHash.slice(0, 12) })}
    </label>
  );
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{r.title}</h1>
          <div className="page-head__meta">
            {t("review.edition")}{t("common.colon")}{r.documentTitle}（{r.editionLabel}） · {t("edition.manifestHash")} <span className="mono" data-testid="review-hash" title={r.manifestHash}>{r.manifestHash.slice(0, 12)}</span>
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
            {t("review.signoffs")} <span className={`badge ${r.status === "open" ? "badge--warn" : "badge--accent"}`}>{t(r.status === "open" ? "review.status.open" : r.status === "quorum_reached" ? "review.status.quorum" : "review.status.concluded")}</span>
          </h2>
          <p className="small">
            {t("review.quorum")}{t("common.colon")}{signedCount}/{r.quorum}
          </p>
          <ol className="history" data-testid="panel">
            {r.panel.map((p) => (
              <li key={p.expert.id} data-expert={p.expert.username}>
                <div>
                  <strong>{p.expert.name}</strong> <span className="small muted">{p.expert.title}</span> {p.chair ? <span className="badge badge--accent">{t("review.chair")}</span> : null}{" "}
                  {p.signoff ? (
                    <span className={`badge ${p.signoff.valid ? "badge--accent" : "badge--danger"}`}>{p.signoff.valid ? `${t("review.signed")} · ${t(`review.conclusion.${p.signoff.conclusion}`)}` : t("review.invalid")}</span>
                  ) : (
                    <span className="badge">{t("review.notSigned")}</span>
                  )}
                </div>
                {p.signoff ? (
                  <>
                    <p className="thread__body">{p.signoff.opinion}</p>
                    <div className="small muted">
                      {formatDateTime(p.signoff.signedAt, locale)} · {t("review.signatureHash")} <span className="mono">{p.signoff.signatureHash.slice(0, 12)}</span>
                    </div>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
          {r.panelConclusion ? (
            <div className="card" data-testid="panel-conclusion">
              <h3>
                {t("review.panelConclusion")}{t("common.colon")}{t(`review.conclusion.${r.panelConclusion.conclusion}`)}
              </h3>
              <p className="thread__body">{r.panelConclusion.opinion}</p>
              <div className="small muted">
                {formatDateTime(r.panelConclusion.signedAt, locale)} · {t("review.signatureHash")} <span className="mono">{r.panelConclusion.signatureHash.slice(0, 12)}</span>
              </div>
            </div>
          ) : null}
        </section>
        <div>
          {r.me.onPanel && !r.me.signed && r.status !== "concluded" ? (
            <section className="card" aria-labelledby="sign-h">
              <h2 id="sign-h">{t("review.sign")}</h2>
              <Form method="post" data-testid="signoff-form">
                <input type="hidden" name="manifestHash" value={r.manifestHash} />
                <OpinionFields idPrefix="sign" />
                {confirm}
                <button type="submit" name="intent" value="sign" className="button" disabled={busy}>
                  {t("review.sign")}
                </button>
              </Form>
            </section>
          ) : null}
          {r.me.isChair && r.status === "quorum_reached" ? (
            <section className="card" aria-labelledby="conclude-h">
              <h2 id="conclude-h">{t("review.conclude")}</h2>
              <Form method="post" data-testid="conclusion-form">
                <OpinionFields idPrefix="conclude" />
                {confirm}
                <button type="submit" name="intent" value="conclude" className="button" disabled={busy}>
                  {t("review.conclude")}
                </button>
              </Form>
            </section>
          ) : null}
          {r.rounds.length ? (
            <section className="card" aria-labelledby="adoption-h">
              <h2 id="adoption-h">{t("adoption.title")}</h2>
              {r.rounds.map((round) => (
                <p key={round.id} className="small">
                  {round.title}{t("common.colon")}{" "}
                  {(["xlsx", "docx"] as const).map((f) => (
                    <a key={f} href={`/api/v1/rounds/${round.id}/adoption-table.${f}`} download className="button button--small button--ghost">
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
          </section>
        </div>
      </div>
    </>
  );
}
