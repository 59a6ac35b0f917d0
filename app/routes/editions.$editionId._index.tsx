import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { type MouseEvent, type ReactNode, useEffect, useState } from "react";
import { isTargetYear } from "~/lib/plan-tables/indicator-table";
import { CommentThread } from "~/components/comments/comment-thread";
import { EarlierComments } from "~/components/comments/earlier-comments";
import { NewCommentForm } from "~/components/comments/new-comment-form";
import { PlanTableBlock } from "~/components/plan-tables/plan-table-block";
import { usePassageSelection } from "~/components/comments/use-passage-selection";
import { DocumentToc } from "~/components/document-toc";
import { RichText } from "~/components/rich-text";
import { Deadline } from "~/components/round-badges";
import { translate } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import type { TextAnchor } from "~/lib/anchoring/anchor";
import { cellPrompt } from "~/lib/plan-tables/indicator-table";
import { renderContentHtml } from "~/lib/editor/render.server";
import { renderContentHtmlWithHighlights } from "~/lib/editor/render-highlights.server";
import { formatDateTime } from "~/lib/time";
import { addReply, createComment, editComment, listComments, withdrawComment } from "~/models/comment.server";
import { earlierRoundComments } from "~/models/earlier-comments.server";
import { getEdition } from "~/models/edition.server";
import { getRound } from "~/models/round.server";
import { invalid, notFound } from "~/utils/errors";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { planPermissions } from "~/models/plan-access.server";
import { requireUser } from "~/utils/session.server";
import { planContext } from "~/models/plan-nav.server";


/**
 * The reading view of a published edition. With `?round=` it shows that round's comments the caller
 * may see as highlights and threads, and lets invited reviewers comment on passages.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const url = new URL(request.url);
  const roundId = url.searchParams.get("round");
  // ?cell=<code>&year=<2025|2030|2035>: the comment form on one cell of the indicator table (works without JavaScript)
  const cellParam = { indicator: url.searchParams.get("cell"), year: url.searchParams.get("year") };
  return forPage(ctx, () => {
    const e = getEdition(ctx, params.editionId!);
    const perms = planPermissions(ctx, e.planId);
    const round = roundId ? getRound(ctx, roundId) : null;
    if (round && round.editionId !== e.id) throw notFound();
    const threads = round ? listComments(ctx, round.id) : [];
    const highlightsOf = (sectionId: string) =>
      threads.filter((c) => c.sectionId === sectionId && c.anchor && !c.withdrawn).map((c) => ({ id: c.id, start: c.anchor!.start, end: c.anchor!.end, className: `cat-${c.category}` }));
    const mySubmission = round?.mine?.submission ?? null;
    const canComment = !!round && round.canComment && round.open && !mySubmission;
    const lastSectionId = e.sections.at(-1)?.sectionId ?? null;
    const tablesOf = (sectionId: string) => e.tables.filter((t) => (t.sectionId ?? lastSectionId) === sectionId);
    const indicatorTable = e.tables.find((t) => t.kind === "indicators");
    const cellRow = indicatorTable?.kind === "indicators" ? indicatorTable.content.indicators.find((r) => r.code === cellParam.indicator) : undefined;
    const cellDraft =
      canComment && indicatorTable && cellRow && isTargetYear(cellParam.year)
        ? { sectionId: indicatorTable.sectionId ?? lastSectionId!, cell: { indicator: cellRow.code, year: cellParam.year, prompt: cellPrompt(cellRow, cellParam.year, cellRow.targets[cellParam.year]) } }
        : null;
    // comments of rounds on earlier editions, placed on this edition (intact / changed / removed)
    const earlier = earlierRoundComments(ctx, e.id, e.sections.map((s) => s.sectionId));
    return {
      planContext: planContext(ctx, round ? { roundId: round.id } : { editionId: e.id }),
      edition: { id: e.id, label: e.label, changelog: e.changelog, manifestHash: e.manifestHash, publishedAt: e.publishedAt.toISOString(), documentTitle: e.documentTitle, planId: e.planId, planTitle: e.planTitle },
      sections: e.sections.map((s) => ({
        id: s.sectionId,
        number: s.number,
        title: s.title,
        parentId: s.parentSectionId,
        revisionId: s.revisionId,
        html: round ? renderContentHtmlWithHighlights(s.content, highlightsOf(s.sectionId)) : renderContentHtml(s.content),
        tables: tablesOf(s.sectionId),
        earlier: earlier[s.sectionId] ?? [],
      })),
      round: round && { id: round.id, title: round.title, visibility: round.visibility, open: round.open, closesAt: round.closesAt, daysLeft: round.daysLeft, submitted: !!mySubmission },
      threads: threads.map(({ roundId: _, revisionId: __, position: ___, ...t }) => t),
      canComment,
      cellDraft,
      seesAll: perms.seesDrafts || ctx.user.role === "expert",
      canReply: !!round && round.open,
      canOpenRound: perms.draft,
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const locale = ctx.user.locale;
  const roundId = new URL(request.url).searchParams.get("round") ?? "";
  const form = Object.fromEntries(await request.formData());
  const commentId = String(form.commentId ?? "");
  switch (form.intent) {
    case "comment":
      return formAction(locale, "comment", () => {
        let anchor: unknown = null;
        try {
          anchor = form.anchor ? JSON.parse(String(form.anchor)) : null;
        } catch {
          throw invalid([{ path: "anchor", message: "comment.anchorMismatch" }], "comment.anchorMismatch");
        }
        // a comment on a cell of the indicator table: cell.indicator and cell.year instead of an anchor
        const cell = form["cell.indicator"] ? { indicator: String(form["cell.indicator"]), year: String(form["cell.year"] ?? "") } : null;
        const { id } = createComment(ctx, roundId, { ...form, anchor, cell, editionId: params.editionId });
        return { message: translate(locale, "comment.created"), commentId: id };
      });
    case "reply":
      return formAction(locale, "reply", () => ({ message: "", commentId, replyId: addReply(ctx, commentId, form).id }));
    case "edit":
      return formAction(locale, "edit", () => {
        editComment(ctx, commentId, form);
        return { message: "", commentId };
      });
    case "withdraw":
      return formAction(locale, "withdraw", () => {
        withdrawComment(ctx, commentId);
        return { message: "", commentId };
      });
    default:
      return formAction(locale, "unknown", () => {
        throw invalid([{ path: "intent", message: "validation.choice" }]);
      });
  }
}

export default function EditionPage() {
  const { edition, sections, round, threads, canComment, canReply, canOpenRound, seesAll, cellDraft } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const [active, setActive] = useState<{ id: string; from: "text" | "list" } | null>(params.get("comment") ? { id: params.get("comment")!, from: "text" } : null);
  const activeId = active?.id ?? null;
  const setActiveId = (id: string | null, from: "text" | "list" = "text") => setActive(id ? { id, from } : null);
  const [draft, setDraft] = useState<{ sectionId: string; anchor: TextAnchor; cell?: undefined } | { sectionId: string; anchor?: undefined; cell: { indicator: string; year: string; prompt: string } } | null>(cellDraft);
  const { selection, clear } = usePassageSelection(canComment);

  // after a successful comment, close the form and show the new thread
  useEffect(() => {
    if (result?.ok && navigation.state === "idle") {
      const created = (result.result as { commentId?: string }).commentId;
      if (result.intent === "comment") {
        setDraft(null);
        window.getSelection()?.removeAllRanges();
        clear();
      }
      if (created) setActiveId(created);
    }
  }, [result, navigation.state, clear]);

  // mark the active thread's highlights; bring the other side (thread or passage) into view
  useEffect(() => {
    for (const m of document.querySelectorAll("mark.hl.is-active")) m.classList.remove("is-active");
    if (!active) return;
    const marks = document.querySelectorAll(`mark.hl[data-comment-id="${CSS.escape(active.id)}"]`);
    for (const m of marks) m.classList.add("is-active");
    const target = active.from === "list" ? (marks[0] ?? document.getElementById(`thread-${active.id}`)) : document.getElementById(`thread-${active.id}`);
    target?.scrollIntoView({ block: active.from === "list" ? "center" : "nearest", behavior: "smooth" });
  }, [active, threads]);

  const onTextClick = (e: MouseEvent) => {
    const mark = (e.target as Element).closest?.("mark.hl[data-comment-id]");
    if (mark) setActiveId(mark.getAttribute("data-comment-id"));
  };
  const startComment = () => {
    if (!selection) return;
    setDraft({ sectionId: selection.sectionId, anchor: selection.anchor });
    setTimeout(() => document.getElementById("new-comment")?.scrollIntoView({ block: "nearest", behavior: "smooth" }), 0);
  };
  const visibleThreads = threads.filter((th) => !th.withdrawn || th.canChange || !canComment);
  const startCellComment = (sectionId: string, cell: { indicator: string; year: string; prompt: string }) => {
    setDraft({ sectionId, cell });
    setTimeout(() => document.getElementById("new-comment")?.scrollIntoView({ block: "nearest", behavior: "smooth" }), 0);
  };
  // a target cell of the indicator table: highlighted when commented on, a link to comment on it in an open round
  const targetCell = (sectionId: string, row: { code: string; name: string; unit: string }, year: string, value: number | null, text: string): ReactNode => {
    let node: ReactNode = text;
    if (canComment && round) {
      const cell = { indicator: row.code, year, prompt: cellPrompt(row, year as "2025", value) };
      node = (
        <a
          href={`?round=${encodeURIComponent(round.id)}&cell=${encodeURIComponent(row.code)}&year=${year}#new-comment`}
          className={`cell-link${draft?.cell?.indicator === row.code && draft.cell.year === year ? " is-drafting" : ""}`}
          onClick={(e) => {
            e.preventDefault();
            startCellComment(sectionId, cell);
          }}
          aria-label={t("indicators.cell.comment", { name: row.name, year })}
          data-cell={`${row.code}:${year}`}
        >
          {text}
        </a>
      );
    }
    for (const th of threads.filter((x) => x.cell && x.cell.indicator === row.code && x.cell.year === year && !x.withdrawn)) {
      node = (
        <mark key={th.id} className={`hl cat-${th.category}`} data-comment-id={th.id}>
          {node}
        </mark>
      );
    }
    return node;
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>
            {edition.documentTitle}（{edition.label}）
          </h1>
          <div className="page-head__meta">
            {t("edition.publishedAt", { date: formatDateTime(edition.publishedAt, locale) })} · {t("edition.sections", { count: sections.length })} · {t("edition.manifestHash")}{t("common.colon")}
            <span className="mono" title={edition.manifestHash} data-testid="manifest-hash">
              {edition.manifestHash.slice(0, 12)}
            </span>
          </div>
        </div>
        <div className="row-actions">
          {canOpenRound && !round ? (
            <>
              <Link className="button button--ghost" to={`/editions/${edition.id}/rounds/new`}>
                {t("round.new")}
              </Link>
              <Link className="button button--ghost" to={`/editions/${edition.id}/reviews/new`}>
                {t("review.new")}
              </Link>
            </>
          ) : null}
          <a className="button button--ghost" href={`/editions/${edition.id}/export.docx`} data-testid="export-docx" download>
            {t("edition.export")}
          </a>
          <button type="button" className="button button--ghost" onClick={() => window.print()}>
            {t("edition.print")}
          </button>
        </div>
      </div>
      {round ? (
        <div className={`alert ${round.open ? "alert--info" : "alert--error"} banner`} data-testid="round-banner">
          <span>
            <Link to={`/rounds/${round.id}`}>{round.title}</Link> · <Deadline open={round.open} closesAt={round.closesAt} daysLeft={round.daysLeft} />
          </span>
          <span className="small">{!round.open ? t("round.closed") : round.submitted ? t("submission.locked") : seesAll ? t("comment.allVisibleNote") : round.visibility === "private" ? t("comment.privateNote") : t("comment.sharedNote")}</span>
        </div>
      ) : null}
      {result && !result.ok ? (
        <div className="alert alert--error" role="alert" data-testid="comment-error">
          {result.formError}
        </div>
      ) : null}
      <p className="print-only">
        {edition.planTitle} · {edition.documentTitle}（{edition.label}） · {t("edition.manifestHash")} {edition.manifestHash}
      </p>
      <div className={`reader${round ? " reader--comments" : ""}`}>
        <aside className="reader__toc card">
          <h2 className="small">{t("edition.contents")}</h2>
          <DocumentToc entries={sections} hrefOf={(e) => `#${e.id}`} label={t("edition.contents")} />
        </aside>
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: highlights are also reachable from the thread list, which is keyboard-operable */}
        <article className="doc-text" onClick={onTextClick}>
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
              {round && threads.some((th) => th.sectionId === s.id && !th.withdrawn) ? (
                <button type="button" className="section-count" onClick={() => setActiveId(threads.find((th) => th.sectionId === s.id && !th.withdrawn)!.id)}>
                  {t("comment.threads", { count: threads.filter((th) => th.sectionId === s.id && !th.withdrawn).length })}
                </button>
              ) : null}
              <div data-section-text={s.id}>
                <RichText html={s.html} />
              </div>
              <EarlierComments items={s.earlier} sectionId={s.id} />
              {s.tables.map((table) => (
                <PlanTableBlock key={table.kind} table={table} target={round ? (row, year, text) => targetCell(s.id, row, year, row.targets[year], text) : undefined} />
              ))}
              {canComment ? (
                <details className="section-comment">
                  <summary>{t("comment.addForSection")}</summary>
                  <NewCommentForm sectionId={s.id} anchor={null} idPrefix={`sc-${s.id}`} />
                </details>
              ) : null}
            </section>
          ))}
        </article>
        <aside className="reader__aside" aria-label={t("comment.threads", { count: visibleThreads.length })}>
          {round ? (
            <div className="card threads" data-testid="threads">
              <h2 className="small">{t("comment.threads", { count: visibleThreads.length })}</h2>
              {canComment ? (
                <button type="button" className="button button--small" disabled={!selection} onClick={startComment} data-testid="add-comment-panel">
                  {t("comment.add")}
                </button>
              ) : null}
              {canComment && !draft ? <p className="small muted">{t("comment.selectHint")}</p> : null}
              {canComment && !draft && sections.some((s) => s.tables.some((x) => x.kind === "indicators")) ? <p className="small muted">{t("indicators.cell.hint")}</p> : null}
              {draft ? (
                <div id="new-comment" className="thread is-active">
                  <NewCommentForm key={draft.cell ? `${draft.cell.indicator}:${draft.cell.year}` : "passage"} sectionId={draft.sectionId} anchor={draft.anchor ?? null} cell={draft.cell} action={draft.cell && round ? `?round=${encodeURIComponent(round.id)}` : undefined} onCancel={() => setDraft(null)} idPrefix="nc" />
                </div>
              ) : null}
              {visibleThreads.length === 0 && !draft ? <p className="small muted">{t("comment.noComments")}</p> : null}
              {visibleThreads.map((th) => (
                <CommentThread key={th.id} thread={th} active={th.id === activeId} canReply={canReply} onSelect={(id) => setActiveId(id, "list")} />
              ))}
            </div>
          ) : (
            <div className="card">
              {edition.changelog ? <p className="small">{edition.changelog}</p> : null}
              <p className="small muted">{t("edition.hashHelp")}</p>
              <p className="small mono">{edition.manifestHash}</p>
            </div>
          )}
        </aside>
      </div>
      {canComment && selection && !draft ? (
        <button type="button" className="button button--small selection-button" style={{ top: selection.top, left: selection.left }} onMouseDown={(e) => e.preventDefault()} onClick={startComment} data-testid="add-comment">
          {t("comment.add")}
        </button>
      ) : null}
    </>
  );
}
