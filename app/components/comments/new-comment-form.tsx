import { Form } from "@remix-run/react";
import { commentCategories } from "~db/schema/enums";
import { useT } from "~/i18n/use-t";
import type { TextAnchor } from "~/lib/anchoring/anchor";
import { useThreadSubmit } from "./thread-submit";

/**
 * The comment form: on a selected passage (anchor), on one cell of the indicator table (cell: the form
 * opens with the cell's words, “森林覆盖率 2030 年目标值：20.9%”), or on the whole section. Works without JS.
 */
export function NewCommentForm({
  sectionId,
  anchor,
  cell,
  action,
  onCancel,
  idPrefix,
}: {
  sectionId: string;
  anchor: TextAnchor | null;
  cell?: { indicator: string; year: string; prompt: string };
  action?: string;
  onCancel?: () => void;
  idPrefix: string;
}) {
  const t = useT();
  const onSubmit = useThreadSubmit();
  return (
    <Form
      method="post"
      action={action}
      preventScrollReset
      onSubmit={onSubmit}
      className="comment-form"
      data-testid={cell ? "cell-comment-form" : anchor ? "comment-form" : "section-comment-form"}
    >
      <input type="hidden" name="sectionId" value={sectionId} />
      {anchor ? <input type="hidden" name="anchor" value={JSON.stringify(anchor)} /> : null}
      {cell ? (
        <>
          <input type="hidden" name="cell.indicator" value={cell.indicator} />
          <input type="hidden" name="cell.year" value={cell.year} />
          <div className="field">
            <span className="small muted">{t("indicators.cell.value")}</span>
            <blockquote className="thread__quote" data-testid="cell-quote">
              {cell.prompt}
            </blockquote>
          </div>
        </>
      ) : null}
      {anchor ? (
        <div className="field">
          <span className="small muted">{t("comment.passage")}</span>
          <blockquote className="thread__quote">{anchor.exact}</blockquote>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${idPrefix}-category`}>{t("comment.category")}</label>
        <select id={`${idPrefix}-category`} name="category" defaultValue="revise">
          {commentCategories.map((c) => (
            <option key={c} value={c}>
              {t(`comment.category.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-body`}>{t("comment.body")}</label>
        <textarea
          id={`${idPrefix}-body`}
          name="body"
          rows={4}
          required
          maxLength={5000}
          defaultValue={cell ? `${cell.prompt}。` : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-proposed`}>{t("comment.proposed")}</label>
        <textarea id={`${idPrefix}-proposed`} name="proposedText" rows={2} maxLength={5000} />
      </div>
      <div className="row-actions">
        <button type="submit" name="intent" value="comment" className="button">
          {t("comment.submit")}
        </button>
        {onCancel ? (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t("comment.cancel")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}
