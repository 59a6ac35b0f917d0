import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { DiffView } from "~/components/diff-view";
import { useLocale, useT } from "~/i18n/use-t";
import { diffStats } from "~/lib/diff/summary";
import { formatDateTime } from "~/lib/time";
import { diffEditions } from "~/models/edition.server";
import diffStyles from "~/styles/diff.css?url";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: diffStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => diffEditions(ctx, params.fromId!, params.toId!));
}

/** What changed between two editions, section by section. */
export default function EditionDiff() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const [mode, setMode] = useState<"inline" | "side-by-side">("inline");
  const [showUnchanged, setShowUnchanged] = useState(false);
  const count = (status: string) => d.sections.filter((s) => s.status === status).length;
  const labels = { before: d.from.label, after: d.to.label, inserted: t("diff.inserted"), deleted: t("diff.deleted") };
  return (
    <>
      <div className="breadcrumb">
        <Link to={`/plans/${d.planId}`}>{t("nav.home")}</Link> / <Link to={`/editions/${d.to.id}`}>{d.documentTitle}</Link>
      </div>
      <div className="page-head">
        <div>
          <h1>{t("diff.title", { document: d.documentTitle, from: d.from.label, to: d.to.label })}</h1>
          <div className="page-head__meta">
            {formatDateTime(d.from.publishedAt, locale)} <span className="mono">{d.from.manifestHash.slice(0, 12)}</span> → {formatDateTime(d.to.publishedAt, locale)} <span className="mono">{d.to.manifestHash.slice(0, 12)}</span>
          </div>
        </div>
        <div className="row-actions">
          <button type="button" className={`button button--small ${mode === "inline" ? "" : "button--ghost"}`} onClick={() => setMode("inline")} aria-pressed={mode === "inline"}>
            {t("diff.inline")}
          </button>
          <button type="button" className={`button button--small ${mode === "side-by-side" ? "" : "button--ghost"}`} onClick={() => setMode("side-by-side")} aria-pressed={mode === "side-by-side"}>
            {t("diff.sideBySide")}
          </button>
        </div>
      </div>
      <p data-testid="diff-summary">{t("diff.summary", { changed: count("changed"), added: count("added"), removed: count("removed"), unchanged: count("unchanged") })}</p>
      <label className="small">
        <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} /> {t("diff.showUnchanged")}
      </label>
      {d.sections
        .filter((s) => showUnchanged || s.status !== "unchanged")
        .map((s) => {
          const stats = diffStats(s.ops);
          return (
            <section key={s.sectionId} className="card" data-status={s.status} data-testid="diff-section">
              <h2>
                <span className="toc__num">{s.number}</span>
                {s.title} <span className={`badge ${s.status === "changed" ? "badge--warn" : s.status === "unchanged" ? "" : "badge--accent"}`}>{t(`diff.status.${s.status}`)}</span>{" "}
                {stats.changed ? (
                  <span className="small muted">
                    +{stats.inserted} −{stats.deleted}
                  </span>
                ) : null}
              </h2>
              <DiffView ops={s.ops} mode={mode} labels={labels} />
            </section>
          );
        })}
    </>
  );
}
