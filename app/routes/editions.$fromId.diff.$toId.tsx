import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { DiffView } from "~/components/diff-view";
import { TableDiffView } from "~/components/plan-tables/table-diff-view";
import { useLocale, useT } from "~/i18n/use-t";
import { diffStats } from "~/lib/diff/summary";
import { cellStateOn, valueWithUnit } from "~/lib/plan-tables/indicator-table";
import { formatDateTime } from "~/lib/time";
import { commentsOnEdition } from "~/models/comment.server";
import { diffEditions } from "~/models/edition.server";
import { answerChanges } from "~/models/earlier-comments.server";
import { Hunk, RevisionRef } from "~/components/comments/earlier-comments";
import diffStyles from "~/styles/diff.css?url";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";
import { planContext } from "~/models/plan-nav.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: diffStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => {
    const diff = diffEditions(ctx, params.fromId!, params.toId!);
    // the comments made on the earlier edition, shown beside the changes that answer them
    const earlier = commentsOnEdition(ctx, diff.from.id);
    const comments = earlier.map((c) => ({
      id: c.id,
      roundId: c.roundId,
      sectionId: c.sectionId,
      organization: c.organization.name,
      category: c.category,
      quote: c.cell?.quote ?? c.anchor?.exact ?? null,
      body: c.body,
      decision: c.response?.decision ?? null,
      reason: c.response?.reason ?? null,
    }));
    // comments on cells of the earlier indicator table: is the value the same, changed (old → new) or gone?
    const table = (tables: typeof diff.fromTables) => {
      const x = tables.find((t) => t.kind === "indicators");
      return x?.kind === "indicators" ? x.content.indicators : [];
    };
    const cellComments = earlier.flatMap((c) => {
      if (!c.cell) return [];
      const at = cellStateOn(table(diff.fromTables), table(diff.toTables), c.cell.indicator, c.cell.year);
      return [
        {
          id: c.id,
          organization: c.organization.name,
          quote: c.cell.quote,
          body: c.body,
          state: at.state,
          old: valueWithUnit(at.old, c.cell.unit),
          new: valueWithUnit(at.new, c.cell.unit),
        },
      ];
    });
    const { fromTables: _, toTables: __, sections: all, ...rest } = diff;
    // the page is sized by what changed: an unchanged section comes without its text (a link reads it)
    // and its comments as a count, so a 500,000-character plan with 30 changed sections stays small
    const unchanged = new Set(all.filter((s) => s.status === "unchanged").map((s) => s.sectionId));
    const sections = all.map((s) => (unchanged.has(s.sectionId) ? { ...s, ops: [] } : s));
    const unchangedComments: Record<string, number> = {};
    for (const c of comments) if (unchanged.has(c.sectionId)) unchangedComments[c.sectionId] = (unchangedComments[c.sectionId] ?? 0) + 1;
    const shown = comments.filter((c) => !unchanged.has(c.sectionId));
    // the hunk of the revision that carried out each answer naming one
    const changes = answerChanges(
      ctx,
      earlier.filter((c) => !unchanged.has(c.sectionId)),
    );
    return {
      ...rest,
      sections,
      comments: shown,
      unchangedComments,
      cellComments,
      changes,
      planContext: planContext(ctx, { editionId: diff.to.id }),
    };
  });
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
      <div className="page-head">
        <div>
          <h1>{t("diff.title", { document: d.documentTitle, from: d.from.label, to: d.to.label })}</h1>
          <div className="page-head__meta">
            {formatDateTime(d.from.publishedAt, locale)} <span className="mono">{d.from.manifestHash.slice(0, 12)}</span> →{" "}
            {formatDateTime(d.to.publishedAt, locale)} <span className="mono">{d.to.manifestHash.slice(0, 12)}</span>
          </div>
        </div>
        <div className="row-actions">
          <button
            type="button"
            className={`button button--small ${mode === "inline" ? "" : "button--ghost"}`}
            onClick={() => setMode("inline")}
            aria-pressed={mode === "inline"}
          >
            {t("diff.inline")}
          </button>
          <button
            type="button"
            className={`button button--small ${mode === "side-by-side" ? "" : "button--ghost"}`}
            onClick={() => setMode("side-by-side")}
            aria-pressed={mode === "side-by-side"}
          >
            {t("diff.sideBySide")}
          </button>
        </div>
      </div>
      <p data-testid="diff-summary">
        {t("diff.summary", { changed: count("changed"), added: count("added"), removed: count("removed"), unchanged: count("unchanged") })}
      </p>
      {d.tables.length ? <TableDiffView tables={d.tables} cellComments={d.cellComments} /> : null}
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
                {s.title}{" "}
                <span className={`badge ${s.status === "changed" ? "badge--warn" : s.status === "unchanged" ? "" : "badge--accent"}`}>
                  {t(`diff.status.${s.status}`)}
                </span>{" "}
                {stats.changed ? (
                  <span className="small muted">
                    +{stats.inserted} −{stats.deleted}
                  </span>
                ) : null}
              </h2>
              {s.status === "unchanged" ? (
                <p className="small muted">
                  {t("diff.unchangedText", { count: d.unchangedComments[s.sectionId] ?? 0 })}{" "}
                  <Link to={`/sections/${s.sectionId}`}>{t("diff.readSection")}</Link>
                </p>
              ) : (
                <DiffView ops={s.ops} mode={mode} labels={labels} />
              )}
              {d.comments.some((c) => c.sectionId === s.sectionId) ? (
                <details className="diff-comments" open={s.status === "changed"}>
                  <summary>{t("diff.comments", { count: d.comments.filter((c) => c.sectionId === s.sectionId).length })}</summary>
                  <ul className="history">
                    {d.comments
                      .filter((c) => c.sectionId === s.sectionId)
                      .map((c) => (
                        <li key={c.id}>
                          <div className="small">
                            <strong>{c.organization}</strong>{" "}
                            <span className={`badge cat-${c.category}`}>{t(`comment.category.${c.category}`)}</span>{" "}
                            {c.decision ? (
                              <span className="badge badge--accent">{t(`response.decision.${c.decision}`)}</span>
                            ) : (
                              <span className="badge badge--warn">{t("response.pending")}</span>
                            )}
                          </div>
                          {c.quote ? <blockquote className="thread__quote">{c.quote}</blockquote> : null}
                          <p className="small">{c.body}</p>
                          {c.reason ? (
                            <p className="small thread__response">
                              {t("response.reason")}
                              {t("common.colon")}
                              {c.reason}
                            </p>
                          ) : null}
                          {d.changes[c.id] ? (
                            <div className="small" data-testid="answer-change">
                              {t("earlier.revisionChange")}
                              {t("common.colon")}
                              <RevisionRef revision={d.changes[c.id].revision} />
                              {d.changes[c.id].hunks.map((h, i) => (
                                <Hunk key={i} ops={h} />
                              ))}
                            </div>
                          ) : null}
                        </li>
                      ))}
                  </ul>
                </details>
              ) : null}
            </section>
          );
        })}
    </>
  );
}
