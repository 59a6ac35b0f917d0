import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DocumentToc } from "~/components/document-toc";
import { RichText } from "~/components/rich-text";
import { useLocale, useT } from "~/i18n/use-t";
import { renderContentHtml } from "~/lib/editor/render.server";
import { renderContentHtmlWithHighlights } from "~/lib/editor/render-highlights.server";
import { commentsOnRevision } from "~/models/anchor-view.server";
import { formatDateTime } from "~/lib/time";
import { getRevision, restoreRevision } from "~/models/revision.server";
import { getSection, visibleSections } from "~/models/section.server";
import { notFound } from "~/utils/errors";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { planPermissions } from "~/models/plan-access.server";
import { requireUser } from "~/utils/session.server";
import { planContext } from "~/models/plan-nav.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const requested = new URL(request.url).searchParams.get("revision");
  return forPage(ctx, () => {
    const section = getSection(ctx, params.sectionId!);
    const shown = requested ? getRevision(ctx, requested) : section.current;
    if (shown.sectionId !== section.id) throw notFound();
    const toc = visibleSections(ctx, section.planId, [section.documentId]).get(section.documentId) ?? [];
    const notes = commentsOnRevision(ctx, section.id, shown.id);
    const highlights = notes
      .filter((n) => n.at && n.at.state !== "orphaned")
      .map((n) => ({ id: n.id, start: n.at!.start, end: n.at!.end, className: `state-${n.at!.state}` }));
    const { content: _, ...current } = section.current;
    const perms = planPermissions(ctx, section.planId);
    return {
      planContext: planContext(ctx, { sectionId: section.id }),
      section: {
        id: section.id,
        documentId: section.documentId,
        number: section.number,
        title: section.title,
        documentTitle: section.documentTitle,
        planId: section.planId,
        seesDrafts: section.seesDrafts,
        currentId: current.id,
        retired: !!section.retiredAt,
      },
      canEdit: perms.draft && !section.retiredAt,
      // the plan's own drafters are told why there is no edit button once it is approved
      frozen: perms.drafts && perms.frozen,
      shown: {
        id: shown.id,
        hash: shown.hash,
        note: shown.note,
        createdAt: shown.createdAt.toISOString(),
        authorName: shown.authorName,
        isCurrent: shown.id === current.id,
      },
      html: highlights.length ? renderContentHtmlWithHighlights(shown.content, highlights) : renderContentHtml(shown.content),
      notes,
      history: section.revisions.map((r) => ({
        id: r.id,
        note: r.note,
        createdAt: r.createdAt.toISOString(),
        authorName: r.authorName,
        editions: r.editions,
      })),
      toc,
    };
  });
}

/** Restores the revision being viewed as a new revision. */
export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const form = Object.fromEntries(await request.formData());
  const result = await formAction(ctx.user.locale, "restore", () => restoreRevision(ctx, params.sectionId!, form));
  if ("ok" in result && result.ok) throw redirect(`/sections/${params.sectionId}?restored=1`);
  return result;
}

export default function SectionPage() {
  const { section, shown, html, history, toc, canEdit, frozen, notes } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const here = toc.findIndex((s) => s.id === section.id);
  const prev = here > 0 ? toc[here - 1] : undefined;
  const next = here >= 0 ? toc[here + 1] : undefined;
  const publishedHere = history.find((h) => h.id === shown.id)?.editions ?? [];
  return (
    <>
      <div className="reader">
        <aside className="reader__toc card">
          <h2 className="small">{t("section.contents")}</h2>
          <DocumentToc entries={toc} currentId={section.id} hrefOf={(e) => `/sections/${e.id}`} label={t("section.contents")} />
        </aside>
        <article className="doc-text" data-testid="section-text">
          {params.get("saved") ? (
            <div className="alert alert--ok" role="status">
              {t("revision.saved")}
            </div>
          ) : null}
          {params.get("restored") ? (
            <div className="alert alert--ok" role="status">
              {t("revision.restored")}
            </div>
          ) : null}
          {failure && "formError" in failure ? (
            <div className="alert alert--error" role="alert">
              {failure.formError}
            </div>
          ) : null}
          {frozen ? (
            <div className="alert alert--info" role="status" data-testid="plan-frozen">
              {t("plan.frozen")}
            </div>
          ) : null}
          {!shown.isCurrent ? (
            <div className="alert alert--info banner" data-testid="old-revision">
              <span>
                {t("revision.viewing", { date: formatDateTime(shown.createdAt, locale) })} ·{" "}
                <Link to={`/sections/${section.id}`}>{t("revision.backToCurrent")}</Link>
              </span>
              {canEdit ? (
                <Form method="post" title={t("revision.restoreHint")}>
                  <input type="hidden" name="revisionId" value={shown.id} />
                  <input type="hidden" name="baseRevisionId" value={section.currentId} />
                  <button type="submit" className="button button--small">
                    {t("revision.restore")}
                  </button>
                </Form>
              ) : null}
            </div>
          ) : canEdit ? (
            <div className="banner" style={{ justifyContent: "flex-end", marginBottom: "0.5rem" }}>
              <Link to={`/documents/${section.documentId}`} className="button button--ghost button--small">
                {t("outline.manage")}
              </Link>
              <Link to={`/sections/${section.id}/edit`} className="button button--small" data-testid="edit-section">
                {t("edit.button")}
              </Link>
            </div>
          ) : null}
          <h1 className="section-title">
            <span className="toc__num">{section.number}</span>
            {section.title}
          </h1>
          <div className="section-meta">
            {publishedHere.length ? (
              publishedHere.map((e) => (
                <Link key={e.id} to={`/editions/${e.id}`} className="badge badge--accent">
                  {t("section.publishedIn", { label: e.label })}
                </Link>
              ))
            ) : (
              <span className="badge badge--warn">{t("section.unpublished")}</span>
            )}
            <span>{t("section.updated", { date: formatDateTime(shown.createdAt, locale), author: shown.authorName })}</span>
            <span title={shown.hash}>
              {t("section.hash")}
              {t("common.colon")}
              <span className="mono">{shown.hash.slice(0, 12)}</span>
            </span>
          </div>
          <RichText html={html} />
          <nav className="pager" aria-label={t("section.contents")}>
            <span>
              {prev ? (
                <Link to={`/sections/${prev.id}`}>
                  ← {t("section.prev")}
                  {t("common.colon")}
                  {prev.number} {prev.title}
                </Link>
              ) : null}
            </span>
            <span>
              {next ? (
                <Link to={`/sections/${next.id}`}>
                  {t("section.next")}
                  {t("common.colon")}
                  {next.number} {next.title} →
                </Link>
              ) : null}
            </span>
          </nav>
        </article>
        <aside className="reader__aside card">
          {notes.length ? (
            <div className="section-notes" data-testid="section-notes">
              <h2 className="small">{t("section.comments", { count: notes.length })}</h2>
              <p className="small muted">{t("section.commentsHint")}</p>
              <ul className="history">
                {notes.map((n) => (
                  <li key={n.id} id={`thread-${n.id}`} data-state={n.at?.state ?? "section"}>
                    <div className="small">
                      <strong>{n.organization}</strong>{" "}
                      <span className={`badge cat-${n.category}`}>{t(`comment.category.${n.category}`)}</span>{" "}
                      {n.at ? (
                        <span
                          className={`badge ${n.at.state === "intact" ? "" : n.at.state === "changed" ? "badge--warn" : "badge--danger"}`}
                        >
                          {t(`anchor.state.${n.at.state}`)}
                        </span>
                      ) : (
                        <span className="badge">{n.cell ? t("indicators.cell.value") : t("comment.wholeSection")}</span>
                      )}{" "}
                      {n.decision ? <span className="badge badge--accent">{t(`response.decision.${n.decision}`)}</span> : null}
                    </div>
                    {n.quote ? <blockquote className="thread__quote">{n.quote}</blockquote> : null}
                    <p className="small">{n.body}</p>
                    <Link className="small" to={`/rounds/${n.roundId}/comments/${n.id}`}>
                      {t("comment.jump")}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <h2 className="small">{t("section.history")}</h2>
          {shown.note ? (
            <p className="small">
              {t("section.note")}
              {t("common.colon")}
              {shown.note}
            </p>
          ) : null}
          <ol className="history" data-testid="revision-history">
            {history.map((h) => (
              <li key={h.id} className={h.id === shown.id ? "is-current" : undefined}>
                <Link to={h.id === section.currentId ? `/sections/${section.id}` : `/sections/${section.id}?revision=${h.id}`}>
                  {formatDateTime(h.createdAt, locale)}
                </Link>
                <div className="small muted">
                  {h.authorName}
                  {h.note ? ` · ${h.note}` : ""}
                </div>
                {h.editions.map((e) => (
                  <span key={e.id} className="badge badge--accent">
                    {e.label}
                  </span>
                ))}
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </>
  );
}
