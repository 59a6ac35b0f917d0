// Comments of earlier rounds on a later edition (one section's list), the hunk of a diff, and the
// revision that carried out an answer. Data from models/earlier-comments.server.ts.
import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-t";
import type { DiffOp } from "~/lib/diff/text-diff";
import { formatDateTime } from "~/lib/time";

export interface EarlierItem {
  id: string;
  roundId: string;
  roundTitle: string;
  editionLabel: string;
  organization: string;
  category: "revise" | "add" | "delete" | "question" | "other";
  body: string;
  quote: string | null;
  state: "intact" | "changed" | "orphaned";
  now: string;
  hunk: DiffOp[] | null;
  decision: "adopted" | "partially_adopted" | "not_adopted" | "noted" | null;
  reason: string | null;
  revision: { id: string; createdAt: string; note: string } | null;
}

/** A piece of a diff in one line: deletions struck through, insertions underlined. */
export function Hunk({ ops, testId }: { ops: DiffOp[]; testId?: string }) {
  const t = useT();
  return (
    <p className="hunk" data-testid={testId}>
      {ops.map((o, i) =>
        o.op === "delete" ? (
          <del key={i} title={t("diff.deleted")}>
            {o.text}
          </del>
        ) : o.op === "insert" ? (
          <ins key={i} title={t("diff.inserted")}>
            {o.text}
          </ins>
        ) : (
          <span key={i}>{o.text}</span>
        ),
      )}
    </p>
  );
}

export function StateBadge({ state }: { state: EarlierItem["state"] }) {
  const t = useT();
  return (
    <span className={`badge ${state === "intact" ? "" : state === "changed" ? "badge--warn" : "badge--danger"}`}>
      {t(`anchor.state.${state}`)}
    </span>
  );
}

/** "见修订 rev_1bjmjnz3（2026-11-05 10:00）" */
export function RevisionRef({ revision }: { revision: { id: string; createdAt: string; note: string } }) {
  const t = useT();
  const locale = useLocale();
  return (
    <span className="small" title={revision.note}>
      {t("earlier.revision", { id: revision.id.slice(0, 12), date: formatDateTime(revision.createdAt, locale) })}
      {revision.note ? ` · ${revision.note}` : ""}
    </span>
  );
}

/** One comment's decision and reason, or 待答复. */
export function AnswerLine({ item }: { item: Pick<EarlierItem, "decision" | "reason" | "revision"> }) {
  const t = useT();
  if (!item.decision) return <p className="small muted">{t("earlier.pending")}</p>;
  return (
    <p className="small thread__response">
      <span className="badge badge--accent">{t(`response.decision.${item.decision}`)}</span> {item.reason}
      {item.revision ? (
        <>
          {" "}
          <RevisionRef revision={item.revision} />
        </>
      ) : null}
    </p>
  );
}

/** The comments of earlier rounds on one section of a later edition. Renders nothing when there are none. */
export function EarlierComments({ items, sectionId }: { items: EarlierItem[]; sectionId: string }) {
  const t = useT();
  if (!items.length) return null;
  return (
    <details className="earlier-comments" open data-testid="earlier-comments" data-section-id={sectionId}>
      <summary className="small">{t("earlier.title", { count: items.length })}</summary>
      <ul className="history">
        {items.map((c) => (
          <li key={c.id} data-state={c.state} data-testid="earlier-comment">
            <div className="small">
              <StateBadge state={c.state} /> <strong>{c.organization}</strong>{" "}
              <span className={`badge cat-${c.category}`}>{t(`comment.category.${c.category}`)}</span>{" "}
              <Link className="muted small" to={`/rounds/${c.roundId}/comments/${c.id}`} title={c.roundTitle}>
                {t("earlier.from", { edition: c.editionLabel })}
              </Link>
            </div>
            {c.state === "changed" ? (
              <dl className="earlier-wording">
                <dt>{t("earlier.was")}</dt>
                <dd>
                  <del>{c.quote}</del>
                </dd>
                <dt>{t("earlier.now")}</dt>
                <dd data-testid="earlier-now">
                  <ins>{c.now}</ins>
                </dd>
              </dl>
            ) : c.quote ? (
              <blockquote className={`thread__quote${c.state === "orphaned" ? " is-removed" : ""}`}>{c.quote}</blockquote>
            ) : null}
            {c.state === "orphaned" && c.hunk ? (
              <div className="small">
                {t("earlier.removedBy")}
                {t("common.colon")}
                <Hunk ops={c.hunk} />
              </div>
            ) : null}
            <p className="small">{c.body}</p>
            <AnswerLine item={c} />
          </li>
        ))}
      </ul>
    </details>
  );
}
