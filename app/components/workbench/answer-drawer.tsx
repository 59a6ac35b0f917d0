// The answer drawer of one comment: the passage, the thread, the current wording, the answer and who
// handles it. Its forms post to the row resource route through a fetcher, so saving updates that one
// row of the table and nothing else is reloaded.
import type { FetcherWithComponents } from "@remix-run/react";
import type { ComponentProps } from "react";
import { Hunk, RevisionRef } from "~/components/comments/earlier-comments";
import { Field } from "~/components/ui/field";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime } from "~/lib/time";
import { DecisionFields } from "./decision-fields";

interface DrawerComment {
  id: string;
  organization: { name: string };
  author: { name: string };
  createdAt: string;
  sectionNumber: string;
  sectionTitle: string;
  anchor: { exact: string } | null;
  cell: { quote: string } | null;
  body: string;
  proposedText: string | null;
  replies: { id: string; body: string; author: { name: string } }[];
  response: { decision: string; reason: string; revisionId: string | null } | null;
}

interface Current {
  cell?: { old: string | number | null; new: string | number | null } | null;
  state: string;
  exact: string;
  before?: string;
  after?: string;
  revisions: { id: string; createdAt: string; note: string }[];
}

/** The revision that carried out the answer and its hunks (see models/earlier-comments.server.ts#answerChange). */
type Change = { revision: ComponentProps<typeof RevisionRef>["revision"]; hunks: ComponentProps<typeof Hunk>["ops"][] } | null;

export function AnswerDrawer({
  comment,
  current,
  change,
  assigneeId,
  team,
  action,
  fetcher,
}: {
  comment: DrawerComment;
  current: Current;
  change: Change;
  assigneeId: string | null;
  team: { id: string; name: string }[];
  action: string;
  fetcher: FetcherWithComponents<unknown>;
}) {
  const t = useT();
  const locale = useLocale();
  const busy = fetcher.state !== "idle";
  return (
    <aside className="card drawer" data-testid="answer-drawer">
      <h2 className="small">
        {comment.organization.name} · {comment.author.name} · {formatDateTime(comment.createdAt, locale)}
      </h2>
      <div className="small muted">
        {comment.sectionNumber} {comment.sectionTitle}
      </div>
      {comment.anchor ? (
        <blockquote className="thread__quote">{comment.anchor.exact}</blockquote>
      ) : comment.cell ? (
        <blockquote className="thread__quote thread__quote--cell">{comment.cell.quote}</blockquote>
      ) : (
        <p className="small muted">{t("comment.wholeSection")}</p>
      )}
      <p className="thread__body">{comment.body}</p>
      {comment.proposedText ? <p className="thread__proposed">{comment.proposedText}</p> : null}
      {comment.replies.map((r) => (
        <p key={r.id} className="small">
          <strong>{r.author.name}</strong>
          {t("common.colon")}
          {r.body}
        </p>
      ))}
      <h3 className="small">{current.cell ? t("indicators.cell.working") : t("workbench.currentText")}</h3>
      {current.cell ? (
        <p className={`small state-${current.state}`} data-testid="current-cell">
          {current.state === "orphaned" ? (
            <span className="field-error">{t("indicators.cell.removed")}</span>
          ) : (
            <>
              <mark className="hl">{current.exact}</mark>{" "}
              {current.state === "changed" ? (
                <span className="badge badge--warn">
                  {t("indicators.cell.changed", { old: current.cell.old ?? "", new: current.cell.new ?? "" })}
                </span>
              ) : null}
            </>
          )}
        </p>
      ) : current.state === "orphaned" ? (
        <p className="small field-error">{t("workbench.passageGone")}</p>
      ) : (
        <blockquote className={`thread__quote state-${current.state}`} data-testid="current-wording">
          {current.before}
          <mark className="hl">{current.exact}</mark>
          {current.after}
        </blockquote>
      )}
      {change ? (
        <div className="small" data-testid="answer-change">
          <h3 className="small">{t("earlier.revisionChange")}</h3>
          <RevisionRef revision={change.revision} />
          {change.hunks.map((h, i) => (
            <Hunk key={i} ops={h} />
          ))}
        </div>
      ) : null}
      <fetcher.Form method="post" action={action} className="row-actions" data-testid="assign-form">
        <label htmlFor="assigneeId" className="small">
          {t("workbench.assignee")}
        </label>
        <select id="assigneeId" name="assigneeId" defaultValue={assigneeId ?? ""} className="input">
          <option value="">{t("workbench.assignee.none")}</option>
          {team.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <button type="submit" name="intent" value="assign" className="button button--ghost button--small" disabled={busy}>
          {t("workbench.assign.save")}
        </button>
      </fetcher.Form>
      <fetcher.Form method="post" action={action} data-testid="answer-form">
        <DecisionFields idPrefix="one" decision={comment.response?.decision} reason={comment.response?.reason} />
        <Field label={t("response.revision")} id="revisionId">
          <select name="revisionId" defaultValue={comment.response?.revisionId ?? ""}>
            <option value="">—</option>
            {current.revisions.map((r) => (
              <option key={r.id} value={r.id}>
                {formatDateTime(r.createdAt, locale)} {r.note}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" name="intent" value="answer" className="button" disabled={busy}>
          {t("response.save")}
        </button>
      </fetcher.Form>
    </aside>
  );
}
