import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DocumentToc } from "~/components/document-toc";
import { RichText } from "~/components/rich-text";
import { useLocale, useT } from "~/i18n/use-t";
import { renderContentHtml } from "~/lib/editor/render.server";
import { formatDateTime } from "~/lib/time";
import { getRevision, getSection, visibleSections } from "~/models/revision.server";
import { notFound } from "~/utils/errors";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const requested = new URL(request.url).searchParams.get("revision");
  return forPage(ctx, () => {
    const section = getSection(ctx, params.sectionId!);
    const shown = requested ? getRevision(ctx, requested) : section.current;
    if (shown.sectionId !== section.id) throw notFound();
    const toc = visibleSections(ctx, [section.documentId]).get(section.documentId) ?? [];
    const { content: _, ...current } = section.current;
    return {
      section: { id: section.id, number: section.number, title: section.title, documentTitle: section.documentTitle, planId: section.planId, seesDrafts: section.seesDrafts, published: section.published, latestEdition: section.latestEdition, currentId: current.id },
      shown: { id: shown.id, hash: shown.hash, note: shown.note, createdAt: shown.createdAt.toISOString(), authorName: shown.authorName, isCurrent: shown.id === current.id },
      html: renderContentHtml(shown.content),
      history: section.revisions.map((r) => ({ id: r.id, note: r.note, createdAt: r.createdAt.toISOString(), authorName: r.authorName, editions: r.editions })),
      toc,
    };
  });
}

export default function SectionPage() {
  const { section, shown, html, history, toc } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const here = toc.findIndex((s) => s.id === section.id);
  const prev = here > 0 ? toc[here - 1] : undefined;
  const next = here >= 0 ? toc[here + 1] : undefined;
  const publishedHere = history.find((h) => h.id === shown.id)?.editions ?? [];
  return (
    <>
      <div className="breadcrumb">
        <Link to={`/plans/${section.planId}`}>{t("nav.home")}</Link> / {section.documentTitle}
      </div>
      <div className="reader">
        <aside className="reader__toc card">
          <h2 className="small">{t("section.contents")}</h2>
          <DocumentToc entries={toc} currentId={section.id} hrefOf={(e) => `/sections/${e.id}`} label={t("section.contents")} />
        </aside>
        <article className="doc-text" data-testid="section-text">
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
              {t("section.hash")}：<span className="mono">{shown.hash.slice(0, 12)}</span>
            </span>
          </div>
          <RichText html={html} />
          <nav className="pager" aria-label={t("section.contents")}>
            <span>{prev ? <Link to={`/sections/${prev.id}`}>← {t("section.prev")}：{prev.number} {prev.title}</Link> : null}</span>
            <span>{next ? <Link to={`/sections/${next.id}`}>{t("section.next")}：{next.number} {next.title} →</Link> : null}</span>
          </nav>
        </article>
        <aside className="reader__aside card">
          <h2 className="small">{t("section.history")}</h2>
          <ol className="history" data-testid="revision-history">
            {history.map((h) => (
              <li key={h.id} className={h.id === shown.id ? "is-current" : undefined}>
                <Link to={h.id === section.currentId ? `/sections/${section.id}` : `/sections/${section.id}?revision=${h.id}`}>{formatDateTime(h.createdAt, locale)}</Link>
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
