import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PlanTableBlock } from "~/components/plan-tables/plan-table-block";
import { SectionHtml } from "~/components/reader/static-html";
import { useT } from "~/i18n/use-t";
import { planContext } from "~/models/plan-nav.server";
import { fullText } from "~/models/reader.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

/**
 * 全文: the whole edition on one page, for printing (no comments). The sections' HTML is in the markup
 * once and not in the serialised data (components/reader/static-html.tsx).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => {
    const view = fullText(ctx, params.editionId!);
    for (const s of view.sections) Object.defineProperty(s, "html", { value: s.html, enumerable: false });
    return { planContext: planContext(ctx, { editionId: view.edition.id }), ...view } as typeof view & {
      planContext: ReturnType<typeof planContext>;
    };
  });
}

export default function FullText() {
  const { edition, sections } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>
            {edition.documentTitle}（{edition.label}）
          </h1>
          <div className="page-head__meta">
            {t("reader.fullTextTitle")} · {t("edition.manifestHash")}
            {t("common.colon")}
            <span className="mono">{edition.manifestHash}</span>
          </div>
        </div>
        <div className="row-actions">
          <Link className="button button--ghost" to={`/editions/${edition.id}`}>
            {t("reader.backToReading")}
          </Link>
          <button type="button" className="button" onClick={() => window.print()}>
            {t("edition.print")}
          </button>
        </div>
      </div>
      <p className="print-only">
        {edition.planTitle} · {edition.documentTitle}（{edition.label}） · {t("edition.manifestHash")} {edition.manifestHash}
      </p>
      <article className="doc-text" data-testid="full-text">
        {sections.map((s) => {
          const Heading = s.parentId ? "h3" : "h2";
          return (
            <section key={s.id} id={s.id} className="section-block">
              <Heading className="section-title">
                <span className="toc__num">{s.number}</span>
                {s.title}
              </Heading>
              <div data-section-text={s.id}>
                <SectionHtml sectionId={s.id} html={(s as { html?: string }).html} />
              </div>
              {s.tables.map((table) => (
                <PlanTableBlock key={table.kind} table={table} />
              ))}
            </section>
          );
        })}
      </article>
    </>
  );
}
