import { Form } from "@remix-run/react";
import { useState } from "react";
import { commentCategories, type ResponseDecision } from "~db/schema/enums";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime } from "~/lib/time";
import { useThreadSubmit } from "./thread-submit";

export interface ThreadView {
  id: string;
  sectionId: string;
  sectionNumber: string;
  sectionTitle: string;
  anchor: { exact: string; start: number; end: number } | null;
  /** a comment on one cell of the indicator table: the cell's words as frozen in the edition */
  cell?: { indicator: string; year: string; quote: string } | null;
  body: string;
  category: (typeof commentCategories)[number];
  proposedText: string | null;
  author: { name: string };
  organization: { name: string };
  createdAt: string;
  updatedAt: string | null;
  withdrawn: boolean;
  canChange: boolean;
  replies: { id: string; body: string; createdAt: string; author: { name: string; role: string }; organization: { name: string } }[];
  response: { decision: ResponseDecision; reason: string } | null;
}

/**
 * One comment with its replies, and what its reader may do: reply, and edit or withdraw their own. The
 * reply form is not in the page for every thread: "回复" is a link to the reading view with this thread's
 * form open (`replyHref`, which works without JavaScript); with JavaScript it opens the form in place
 * (`onReply`). `replying` renders the form.
 */
export function CommentThread({
  thread,
  active,
  canReply,
  replying,
  replyHref,
  onReply,
  onSelect,
}: {
  thread: ThreadView;
  active: boolean;
  canReply: boolean;
  replying: boolean;
  replyHref: string;
  onReply: (id: string | null) => void;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const submit = useThreadSubmit();
  return (
    <article
      className={`thread${active ? " is-active" : ""}${thread.withdrawn ? " is-withdrawn" : ""}`}
      id={`thread-${thread.id}`}
      data-testid="thread"
      aria-current={active ? "true" : undefined}
    >
      <header className="thread__head">
        <button type="button" className="thread__who" onClick={() => onSelect(thread.id)} aria-label={t("comment.jump")}>
          <strong>{thread.organization.name}</strong>
          {` · ${thread.author.name}`}
        </button>
        <span className={`badge cat-${thread.category}`}>{t(`comment.category.${thread.category}`)}</span>
        {thread.withdrawn ? <span className="badge">{t("comment.withdrawn")}</span> : null}
      </header>
      <div className="thread__where small muted">{`${thread.sectionNumber} ${thread.sectionTitle}`}</div>
      {thread.anchor ? (
        <blockquote className="thread__quote">{thread.anchor.exact}</blockquote>
      ) : thread.cell ? (
        <blockquote className="thread__quote thread__quote--cell" data-cell={`${thread.cell.indicator}:${thread.cell.year}`}>
          {thread.cell.quote}
        </blockquote>
      ) : (
        <div className="small muted">{t("comment.wholeSection")}</div>
      )}
      {editing ? (
        <Form
          method="post"
          preventScrollReset
          onSubmit={(e) => {
            submit(e);
            setEditing(false);
          }}
          className="thread__form"
        >
          <input type="hidden" name="commentId" value={thread.id} />
          <select name="category" defaultValue={thread.category} aria-label={t("comment.category")} className="input">
            {commentCategories.map((c) => (
              <option key={c} value={c}>
                {t(`comment.category.${c}`)}
              </option>
            ))}
          </select>
          <textarea name="body" defaultValue={thread.body} required rows={4} aria-label={t("comment.body")} className="input" />
          <textarea
            name="proposedText"
            defaultValue={thread.proposedText ?? ""}
            rows={2}
            aria-label={t("comment.proposed")}
            placeholder={t("comment.proposed")}
            className="input"
          />
          <div className="row-actions">
            <button type="submit" name="intent" value="edit" className="button button--small">
              {t("comment.save")}
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => setEditing(false)}>
              {t("comment.cancel")}
            </button>
          </div>
        </Form>
      ) : (
        <>
          <p className="thread__body">{thread.body}</p>
          {thread.proposedText ? (
            <p className="thread__proposed">
              <span className="small muted">
                {t("comment.proposed")}
                {t("common.colon")}
              </span>
              {thread.proposedText}
            </p>
          ) : null}
        </>
      )}
      <div className="small muted">
        {formatDateTime(thread.createdAt, locale)}
        {thread.updatedAt ? ` · ${t("comment.edited")}` : ""}
      </div>
      {thread.response ? (
        <div className="thread__response">
          <strong>{t("comment.response")}</strong>
          {t("common.colon")}
          <span className="badge badge--accent">{t(`response.decision.${thread.response.decision}`)}</span> {thread.response.reason}
        </div>
      ) : null}
      {thread.replies.length ? (
        <ol className="thread__replies">
          {thread.replies.map((r) => (
            <li key={r.id}>
              <div className="small">
                <strong>{r.author.role === "drafter" ? t("comment.drafting") : r.organization.name}</strong> · {r.author.name} ·{" "}
                <span className="muted">{formatDateTime(r.createdAt, locale)}</span>
              </div>
              <p>{r.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {(thread.canChange && !editing) || (canReply && !thread.withdrawn && !replying) ? (
        <div className="row-actions thread__actions">
          {canReply && !thread.withdrawn && !replying ? (
            <a
              className="thread__reply-link small"
              href={replyHref}
              onClick={(e) => {
                e.preventDefault();
                onReply(thread.id);
              }}
            >
              {t("comment.reply")}
            </a>
          ) : null}
          {thread.canChange && !editing ? (
            <>
              <button type="button" className="button button--small button--ghost" onClick={() => setEditing(true)}>
                {t("comment.edit")}
              </button>
              <Form
                method="post"
                preventScrollReset
                onSubmit={(e) => {
                  if (!window.confirm(t("comment.withdrawConfirm"))) e.preventDefault();
                  submit(e);
                }}
              >
                <input type="hidden" name="commentId" value={thread.id} />
                <button type="submit" name="intent" value="withdraw" className="button button--small button--danger">
                  {t("comment.withdraw")}
                </button>
              </Form>
            </>
          ) : null}
        </div>
      ) : null}
      {canReply && !thread.withdrawn && replying ? (
        <Form
          method="post"
          preventScrollReset
          className="thread__form"
          data-testid="reply-form"
          onSubmit={(e) => {
            submit(e);
            const form = e.currentTarget;
            setTimeout(() => form.reset(), 0);
          }}
        >
          <input type="hidden" name="commentId" value={thread.id} />
          <textarea
            name="body"
            rows={3}
            required
            // biome-ignore lint/a11y/noAutofocus: the form opens because the reader asked to reply
            autoFocus
            placeholder={t("comment.replyPlaceholder")}
            aria-label={t("comment.reply")}
            className="input"
          />
          <div className="row-actions">
            <button type="submit" name="intent" value="reply" className="button button--small">
              {t("comment.replySubmit")}
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => onReply(null)}>
              {t("comment.cancel")}
            </button>
          </div>
        </Form>
      ) : null}
    </article>
  );
}
