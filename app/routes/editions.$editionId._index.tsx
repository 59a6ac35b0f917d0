import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DocumentToc } from "~/components/document-toc";
import { RichText } from "~/components/rich-text";
import { useLocale, useT } from "~/i18n/use-t";
import { renderContentHtml } from "~/lib/editor/render.server";
import { formatDateTime } from "~/lib/time";
import { getEdition } from "~/models/edition.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

/** The reading view of a published edition: every section in order, with its table of contents. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => {
    const e = getEdition(ctx, params.editionId!);
    return {
      edition: { id: e.id, label: e.label, changelog: e.changelog, manifestHash: e.manifestHash, publishedAt: e.publishedAt.toISOString(), documentTitle: e.documentTitle, planId: e.planId, planTitle: e.planTitle },
      sections: e.sections.map((s) => ({ id: s.sectionId, number: s.number, title: s.title, parentId: s.parentSectionId, revisionId: s.revisionId, hash: s.hash, html: renderContentHtml(s.content) })),
    };
  });
}

export default function EditionPage() {
  const { edition, sections } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <div className="breadcrumb">
        <Link to={`/plans/${edition.planId}`}>{t("nav.home")}</Link> / {edition.documentTitle}
      </div>
      <div className="page-head">
        <div>
          <h1>
            {edition.documentTitle}（{edition.label}）
          </h1>
          <div className="page-head__meta">
            {t("edition.publishedAt", { date: formatDateTime(edition.publishedAt, locale) })} · {t("edition.sections", { count: sections.length })} · {t("edition.manifestHash")}：
            <span className="mono" title={edition.manifestHash} data-testid="manifest-hash">
              {edition.manifestHash.slice(0, 12)}
            </span>
          </div>
        </div>
        <div className="row-actions">
          <a className="button button--ghost" href={`/editions/${edition.id}/export.docx`} data-testid="export-docx" download>
            {t("edition.export")}
          </a>
          <button type="button" className="button button--ghost" onClick={() => window.print()}>
            {t("edition.print")}
          </button>
        </div>
      </div>
      <p className="print-only">
        {edition.planTitle} · {edition.documentTitle}（{edition.label}） · {t("edition.manifestHash")} {edition.manifestHash}
      </p>
      <div className="reader">
        <aside className="reader__toc card">
          <h2 className="small">{t("edition.contents")}</h2>
          <DocumentToc entries={sections} hrefOf={(e) => `#${e.id}`} label={t("edition.contents")} />
        </aside>
        <article className="doc-text">
          {sections.map((s) => (
            <section key={s.id} id={s.id} className="section-block" data-revision-id={s.revisionId}>
              {s.parentId ? (
                <h3 className="section-title">
                  <span className="toc__num">{s.number}</span>
                  {s.title}
                </h3>
              ) : (
                <h2 className="section-title">
                  <span className="toc__num">{s.number}</span>
                  {s.title}
                </h2>
              )}
              <RichText html={s.html} />
            </section>
          ))}
        </article>
        <aside className="reader__aside card">
          {edition.changelog ? <p className="small">{edition.changelog}</p> : null}
          <p className="small muted">{t("edition.hashHelp")}</p>
          <p className="small mono">{edition.manifestHash}</p>
        </aside>
      </div>
    </>
  );
}
