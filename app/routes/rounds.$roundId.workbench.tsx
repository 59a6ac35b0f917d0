import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { commentCategories, responseDecisions } from "../../db/schema/enums";
import { ActionResult } from "~/components/action-result";
import { translate } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime } from "~/lib/time";
import { currentWording } from "~/models/anchor-view.server";
import { answerChange } from "~/models/earlier-comments.server";
import { Hunk, RevisionRef } from "~/components/comments/earlier-comments";
import { listComments } from "~/models/comment.server";
import { respondToComment, respondToComments } from "~/models/response.server";
import { getRound } from "~/models/round.server";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";
import { planContext } from "~/models/plan-nav.server";
import { planIdOfRound, requireDraftingPage } from "~/models/plan-access.server";

/** The drafting team's comment workbench: a dense, filterable table, bulk answers and an answer drawer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const url = new URL(request.url);
  const f = { status: url.searchParams.get("status") ?? "all", org: url.searchParams.get("org") ?? "", section: url.searchParams.get("section") ?? "", category: url.searchParams.get("category") ?? "", q: (url.searchParams.get("q") ?? "").trim() };
  const open = url.searchParams.get("comment");
  return forPage(ctx, () => {
    requireDraftingPage(ctx, planIdOfRound(ctx.db, params.roundId!), { frozenToo: false });
    const round = getRound(ctx, params.roundId!);
    const all = listComments(ctx, round.id).filter((c) => !c.withdrawn);
    const shown = all.filter(
      (c) =>
        (f.status === "all" || (f.status === "pending" ? !c.response : !!c.response)) &&
        (!f.org || c.organization.id === f.org) &&
        (!f.section || c.sectionId === f.section) &&
        (!f.category || c.category === f.category) &&
        (!f.q || `${c.body} ${c.proposedText ?? ""} ${c.anchor?.exact ?? c.cell?.quote ?? ""}`.includes(f.q)),
    );
    const drawer = open ? all.find((c) => c.id === open) : undefined;
    return {
      planContext: planContext(ctx, { roundId: round.id }),
      round: { id: round.id, title: round.title, editionId: round.editionId, planId: round.planId },
      filters: f,
      organizations: [...new Map(all.map((c) => [c.organization.id, c.organization.name])).entries()],
      sections: [...new Map(all.map((c) => [c.sectionId, `${c.sectionNumber} ${c.sectionTitle}`])).entries()],
      counts: { all: all.length, pending: all.filter((c) => !c.response).length },
      comments: shown,
      drawer: drawer ? { comment: drawer, current: currentWording(ctx, drawer), change: answerChange(ctx, drawer) } : null,
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const locale = ctx.user.locale;
  const form = await request.formData();
  const values = { decision: form.get("decision"), reason: form.get("reason") ?? "", revisionId: form.get("revisionId") };
  if (form.get("intent") === "bulk") {
    const ids = form.getAll("commentIds").map(String);
    return formAction(locale, "bulk", () => translate(locale, "response.bulkSaved", { count: respondToComments(ctx, ids, values).length }));
  }
  return formAction(locale, "answer", () => {
    respondToComment(ctx, String(form.get("commentId")), values);
    return translate(locale, "response.saved");
  });
}

function DecisionFields({ idPrefix, decision, reason }: { idPrefix: string; decision?: string; reason?: string }) {
  const t = useT();
  return (
    <>
      <fieldset className="field">
        <legend>{t("response.decision")}</legend>
        <div className="row-actions">
          {responseDecisions.map((d) => (
            <label key={d}>
              <input type="radio" name="decision" value={d} required defaultChecked={d === decision} /> {t(`response.decision.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${idPrefix}-reason`}>{t("response.reason")}</label>
        <textarea id={`${idPrefix}-reason`} name="reason" rows={3} maxLength={2000} defaultValue={reason} />
      </div>
    </>
  );
}

export default function Workbench() {
  const { round, filters, organizations, sections, counts, comments, drawer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const busy = navigation.state !== "idle";
  const withComment = (id: string) => {
    const p = new URLSearchParams(params);
    p.set("comment", id);
    return `?${p}`;
  };
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("workbench.open")}</h1>
          <div className="page-head__meta">
            {round.title} ·{" "}
            {t("workbench.count", { count: counts.all })} · {t("response.pending")} {counts.pending}
          </div>
        </div>
        <div className="row-actions">
          {(["xlsx", "docx", "csv"] as const).map((f) => (
            <a key={f} className="button button--ghost button--small" href={`/api/v1/rounds/${round.id}/adoption-table.${f}`} download>
              {t("adoption.download")}（{f}）
            </a>
          ))}
        </div>
      </div>
      <ActionResult result={result} testId="workbench-result" />
      <Form method="get" className="card row-actions filters" data-testid="filters">
        <select name="status" defaultValue={filters.status} aria-label={t("admin.status")} className="input">
          <option value="all">{t("workbench.filter.all")}</option>
          <option value="pending">{t("workbench.filter.pending")}</option>
          <option value="answered">{t("workbench.filter.answered")}</option>
        </select>
        <select name="org" defaultValue={filters.org} aria-label={t("workbench.organization")} className="input">
          <option value="">{t("workbench.organization")}</option>
          {organizations.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <select name="section" defaultValue={filters.section} aria-label={t("workbench.section")} className="input">
          <option value="">{t("workbench.section")}</option>
          {sections.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <select name="category" defaultValue={filters.category} aria-label={t("workbench.category")} className="input">
          <option value="">{t("workbench.category")}</option>
          {commentCategories.map((c) => (
            <option key={c} value={c}>
              {t(`comment.category.${c}`)}
            </option>
          ))}
        </select>
        <input name="q" defaultValue={filters.q} placeholder={t("workbench.search")} aria-label={t("workbench.search")} className="input" />
        <button type="submit" className="button button--small">
          {t("workbench.filter")}
        </button>
      </Form>
      <div className={drawer ? "workbench workbench--open" : "workbench"}>
        <Form method="post" className="card" data-testid="workbench">
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th>{t("workbench.select")}</th>
                  <th>#</th>
                  <th>{t("workbench.organization")}</th>
                  <th>{t("workbench.section")}</th>
                  <th>{t("comment.passage")}</th>
                  <th>{t("comment.body")}</th>
                  <th>{t("response.decision")}</th>
                </tr>
              </thead>
              <tbody>
                {comments.map((c, i) => (
                  <tr key={c.id} className={drawer?.comment.id === c.id ? "is-selected" : undefined} data-comment-id={c.id}>
                    <td>
                      <input type="checkbox" name="commentIds" value={c.id} aria-label={`${t("workbench.select")} ${i + 1}`} />
                    </td>
                    <td>{i + 1}</td>
                    <td>{c.organization.name}</td>
                    <td className="small">
                      {c.sectionNumber} {c.sectionTitle}
                    </td>
                    <td className="small clamp">{c.anchor ? c.anchor.exact : c.cell ? <span data-cell={`${c.cell.indicator}:${c.cell.year}`}>{c.cell.quote}</span> : <span className="muted">{t("comment.wholeSection")}</span>}</td>
                    <td className="small clamp">
                      <span className={`badge cat-${c.category}`}>{t(`comment.category.${c.category}`)}</span> {c.body}
                    </td>
                    <td>
                      {c.response ? <span className="badge badge--accent">{t(`response.decision.${c.response.decision}`)}</span> : <span className="badge badge--warn">{t("response.pending")}</span>}{" "}
                      <Link to={withComment(c.id)} preventScrollReset className="small">
                        {t("response.answer")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details className="bulk">
            <summary>{t("response.bulk")}</summary>
            <DecisionFields idPrefix="bulk" />
            <button type="submit" name="intent" value="bulk" className="button" disabled={busy}>
              {t("response.bulk")}
            </button>
          </details>
        </Form>
        {drawer ? (
          <aside className="card drawer" data-testid="answer-drawer">
            <h2 className="small">
              {drawer.comment.organization.name} · {drawer.comment.author.name} · {formatDateTime(drawer.comment.createdAt, locale)}
            </h2>
            <div className="small muted">
              {drawer.comment.sectionNumber} {drawer.comment.sectionTitle}
            </div>
            {drawer.comment.anchor ? (
              <blockquote className="thread__quote">{drawer.comment.anchor.exact}</blockquote>
            ) : drawer.comment.cell ? (
              <blockquote className="thread__quote thread__quote--cell">{drawer.comment.cell.quote}</blockquote>
            ) : (
              <p className="small muted">{t("comment.wholeSection")}</p>
            )}
            <p className="thread__body">{drawer.comment.body}</p>
            {drawer.comment.proposedText ? <p className="thread__proposed">{drawer.comment.proposedText}</p> : null}
            {drawer.comment.replies.map((r) => (
              <p key={r.id} className="small">
                <strong>{r.author.name}</strong>{t("common.colon")}{r.body}
              </p>
            ))}
            <h3 className="small">{drawer.current.cell ? t("indicators.cell.working") : t("workbench.currentText")}</h3>
            {drawer.current.cell ? (
              <p className={`small state-${drawer.current.state}`} data-testid="current-cell">
                {drawer.current.state === "orphaned" ? (
                  <span className="field-error">{t("indicators.cell.removed")}</span>
                ) : (
                  <>
                    <mark className="hl">{drawer.current.exact}</mark> {drawer.current.state === "changed" ? <span className="badge badge--warn">{t("indicators.cell.changed", { old: drawer.current.cell.old, new: drawer.current.cell.new })}</span> : null}
                  </>
                )}
              </p>
            ) : drawer.current.state === "orphaned" ? (
              <p className="small field-error">{t("workbench.passageGone")}</p>
            ) : (
              <blockquote className={`thread__quote state-${drawer.current.state}`} data-testid="current-wording">
                {drawer.current.before}
                <mark className="hl">{drawer.current.exact}</mark>
                {drawer.current.after}
              </blockquote>
            )}
            {drawer.change ? (
              <div className="small" data-testid="answer-change">
                <h3 className="small">{t("earlier.revisionChange")}</h3>
                <RevisionRef revision={drawer.change.revision} />
                {drawer.change.hunks.map((h, i) => (
                  <Hunk key={i} ops={h} />
                ))}
              </div>
            ) : null}
            <Form method="post" data-testid="answer-form">
              <input type="hidden" name="commentId" value={drawer.comment.id} />
              <DecisionFields idPrefix="one" decision={drawer.comment.response?.decision} reason={drawer.comment.response?.reason} />
              <div className="field">
                <label htmlFor="revisionId">{t("response.revision")}</label>
                <select id="revisionId" name="revisionId" defaultValue={drawer.comment.response?.revisionId ?? ""}>
                  <option value="">—</option>
                  {drawer.current.revisions.map((r) => (
                    <option key={r.id} value={r.id}>
                      {formatDateTime(r.createdAt, locale)} {r.note}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" name="intent" value="answer" className="button" disabled={busy}>
                {t("response.save")}
              </button>
            </Form>
          </aside>
        ) : null}
      </div>
    </>
  );
}
