import { Link, useFetcher, useSearchParams } from "@remix-run/react";
import { type FormEvent, type MouseEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { TargetYear } from "~db/schema/enums";
import { CommentThread, type ThreadView } from "~/components/comments/comment-thread";
import { EarlierComments } from "~/components/comments/earlier-comments";
import { NewCommentForm } from "~/components/comments/new-comment-form";
import { ThreadSubmitContext } from "~/components/comments/thread-submit";
import { usePassageSelection } from "~/components/comments/use-passage-selection";
import { useT } from "~/i18n/use-t";
import type { TextAnchor } from "~/lib/anchoring/anchor";
import { cellPrompt, type IndicatorRow } from "~/lib/plan-tables/indicator-table";
import type { ReaderData } from "~/models/reader.server";
import { ReaderSection } from "./reader-section";
import { ReaderToc } from "./reader-toc";
import { ThreadGroupNav } from "./thread-group-nav";
import { usePageStream } from "./use-page-stream";

type Draft =
  | { sectionId: string; anchor: TextAnchor; cell?: undefined }
  | { sectionId: string; anchor?: undefined; cell: { indicator: string; year: string; prompt: string } };
interface ThreadResult {
  ok: boolean;
  intent?: string;
  formError?: string;
  result?: { commentId?: string };
  section?: { sectionId: string; html: string; threads: ThreadView[] } | null;
}

type Groups = Record<string, Pick<ReaderData, "threads" | "threadWindow">>;
const NO_GROUPS: Groups = {};

/**
 * The reading view's body: contents, the pages of text (the one the URL named and those loaded while
 * scrolling), the threads of the page on screen, and the comment forms. Comments and replies post with
 * a fetcher to editions.$editionId.threads.ts, which answers the section's new HTML and threads.
 */
export function ReaderPane({
  data,
  pageUrl,
  loadPage,
  actionResult,
}: {
  data: ReaderData;
  pageUrl: (pageId: string, hash?: string) => string;
  /** a page's data; `extra` adds to the query (`threads`, `comment`: another group of its threads) */
  loadPage: (pageId: string, extra?: Record<string, string>) => Promise<ReaderData>;
  actionResult: { ok: boolean; intent?: string; result?: unknown } | null;
}) {
  const { edition, round, canComment, canReply, cellDraft } = data;
  const t = useT();
  const [params] = useSearchParams();
  const fetcher = useFetcher<ThreadResult>();
  const lastForm = useRef<HTMLFormElement | null>(null);
  const { pages: streamed, state, current, sentinel } = usePageStream(data, loadPage, pageUrl);
  // another group of a page's threads (a long round lists THREADS_PER_GROUP at a time), loaded in place
  // (kept with the page data they belong to: new data starts without, and without an extra render)
  const [loaded, setLoaded] = useState<{ data: ReaderData; groups: Groups }>({ data, groups: NO_GROUPS });
  const groups = loaded.data === data ? loaded.groups : NO_GROUPS;
  const pages = streamed.map((p) => (groups[p.page.id ?? ""] ? { ...p, ...groups[p.page.id ?? ""] } : p));
  const loadGroup = (pageId: string, extra: Record<string, string>) =>
    loadPage(pageId, extra).then(
      (p) =>
        setLoaded((l) => ({
          data,
          groups: { ...(l.data === data ? l.groups : NO_GROUPS), [pageId]: { threads: p.threads, threadWindow: p.threadWindow } },
        })),
      () => window.location.assign(`?${new URLSearchParams({ round: round?.id ?? "", chapter: pageId, ...extra })}`),
    );
  // sections refreshed after a post: their HTML and threads replace what the page's data had
  const [fresh, setFresh] = useState<Record<string, { html: string; threads: ThreadView[] }>>({});
  // comments made on this page since it loaded (listed whatever group is shown)
  const [created, setCreated] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setFresh({}), [data]);
  const [active, setActive] = useState<{ id: string; from: "text" | "list" } | null>(
    params.get("comment") ? { id: params.get("comment")!, from: "text" } : null,
  );
  const setActiveId = useCallback((id: string | null, from: "text" | "list" = "text") => setActive(id ? { id, from } : null), []);
  const [draft, setDraft] = useState<Draft | null>(cellDraft);
  // the one open reply form: `?comment=…&reply=1` opens it without JavaScript; with it, the thread's link does
  const [replyTo, setReplyTo] = useState<string | null>(() => (params.get("reply") && !actionResult?.ok ? params.get("comment") : null));
  // the one whole-section form open: `?section=…` without JavaScript, the section's link with it
  const [sectionForm, setSectionForm] = useState<string | null>(() => (actionResult?.ok ? null : params.get("section")));
  const sectionFormHref = (id: string) =>
    `?${new URLSearchParams({ round: round?.id ?? "", section: id })}#section-form-${encodeURIComponent(id)}`;
  const replyHref = (id: string) =>
    `?${new URLSearchParams({ round: round?.id ?? "", comment: id, reply: "1" })}#thread-${encodeURIComponent(id)}`;
  const { selection, clear } = usePassageSelection(canComment);

  const threadsOf = (p: ReaderData) => {
    const bySection = new Map<string, ThreadView[]>();
    for (const th of p.threads as ThreadView[]) {
      const list = bySection.get(th.sectionId);
      if (list) list.push(th);
      else bySection.set(th.sectionId, [th]);
    }
    // a refreshed section brings all its threads: keep those of the group listed, and comments just made
    const keep = (th: ThreadView) => p.threads.some((x) => x.id === th.id) || created.has(th.id);
    return p.sections.flatMap((s) => fresh[s.id]?.threads.filter(keep) ?? bySection.get(s.id) ?? []);
  };
  const shownPages = useMemo(() => new Set(pages.map((p) => p.page.id ?? "")), [pages]);
  const onScreen = pages.find((p) => p.page.id === current) ?? pages[0];
  const threads = threadsOf(onScreen);
  const visibleThreads = threads.filter((th) => !th.withdrawn || th.canChange || !canComment);
  const group = onScreen.threadWindow;
  const threadTotal = group.count > 1 ? group.total : visibleThreads.length;
  const groupHref = (n: number) =>
    `?${new URLSearchParams({ round: round?.id ?? "", ...(onScreen.page.id ? { chapter: onScreen.page.id } : {}), threads: String(n) })}#threads`;
  const goToGroup = (n: number) => {
    if (onScreen.page.id === null) return window.location.assign(groupHref(n));
    loadGroup(onScreen.page.id, { threads: String(n) }).then(() => document.getElementById("threads")?.scrollIntoView({ block: "start" }));
  };
  const listed = new Set(pages.flatMap((p) => threadsOf(p).map((th) => th.id)));
  // the commented cells of the indicator table, of every thread (listed or not) and of sections refreshed since
  const cellMarks = new Map(pages.flatMap((p) => p.cellThreads.map((c) => [c.id, c] as const)));
  for (const f of Object.values(fresh))
    for (const th of f.threads)
      if (th.cell && !th.withdrawn)
        cellMarks.set(th.id, { id: th.id, category: th.category, indicator: th.cell.indicator, year: th.cell.year });
      else cellMarks.delete(th.id);
  // a thread of the page not in the group listed: load its group, then show it
  const showThread = (id: string, pageId: string | null, from: "text" | "list" = "text") => {
    setActiveId(id, from);
    if (!listed.has(id) && pageId !== null) loadGroup(pageId, { comment: id });
  };

  // a post answered: show the section's new highlights and threads; after a new comment close the form
  useEffect(() => {
    const d = fetcher.data;
    if (fetcher.state !== "idle" || !d) return;
    if (d.ok && d.section) {
      const { sectionId, html, threads: fresher } = d.section;
      setFresh((f) => ({ ...f, [sectionId]: { html, threads: fresher } }));
    }
    if (d.ok && d.intent === "comment") {
      const id = d.result?.commentId;
      if (id) setCreated((c) => new Set([...c, id]));
      setDraft(null);
      window.getSelection()?.removeAllRanges();
      clear();
      lastForm.current?.reset();
      setSectionForm(null);
    }
    if (d.ok && d.intent === "reply") setReplyTo(null);
    if (d.ok && d.result?.commentId) setActiveId(d.result.commentId);
  }, [fetcher.state, fetcher.data, clear, setActiveId]);
  // without the fetcher (no JavaScript at first, or the page's own form): the action's answer
  useEffect(() => {
    const created = (actionResult?.result as { commentId?: string } | undefined)?.commentId;
    if (actionResult?.ok && created) setActiveId(created);
  }, [actionResult, setActiveId]);

  const onThreadSubmit = useCallback(
    (e: FormEvent<HTMLFormElement>) => {
      if (!round) return;
      e.preventDefault();
      const form = e.currentTarget;
      lastForm.current = form;
      const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
      fetcher.submit(new FormData(form, submitter), {
        method: "post",
        action: `/editions/${edition.id}/threads?round=${encodeURIComponent(round.id)}`,
      });
    },
    [fetcher, edition.id, round],
  );

  // mark the active thread's highlights; bring the other side (thread or passage) into view
  useEffect(() => {
    for (const m of document.querySelectorAll("mark.hl.is-active")) m.classList.remove("is-active");
    if (!active) return;
    const marks = document.querySelectorAll(`mark.hl[data-comment-id="${CSS.escape(active.id)}"]`);
    for (const m of marks) m.classList.add("is-active");
    const target =
      active.from === "list"
        ? (marks[0] ?? document.getElementById(`thread-${active.id}`))
        : document.getElementById(`thread-${active.id}`);
    target?.scrollIntoView({ block: active.from === "list" ? "center" : "nearest", behavior: "smooth" });
  }, [active, fresh, groups]);

  const onTextClick = (e: MouseEvent) => {
    const mark = (e.target as Element).closest?.("mark.hl[data-comment-id]");
    const id = mark?.getAttribute("data-comment-id");
    if (id) showThread(id, mark!.closest("[data-reader-page]")?.getAttribute("data-reader-page") ?? null);
  };
  const openDraft = (d: Draft) => {
    setDraft(d);
    setTimeout(() => document.getElementById("new-comment")?.scrollIntoView({ block: "nearest", behavior: "smooth" }), 0);
  };
  const startComment = () => selection && openDraft({ sectionId: selection.sectionId, anchor: selection.anchor });
  // a target cell of the indicator table: highlighted when commented on, a link to comment on it in an open round
  const targetCell = (sectionId: string) => (row: IndicatorRow, year: TargetYear, text: string) => {
    let node: ReactNode = text;
    if (canComment && round) {
      const cell = { indicator: row.code, year, prompt: cellPrompt(row, year, row.targets[year]) };
      node = (
        <a
          href={`?round=${encodeURIComponent(round.id)}&cell=${encodeURIComponent(row.code)}&year=${year}#new-comment`}
          className={`cell-link${draft?.cell?.indicator === row.code && draft.cell.year === year ? " is-drafting" : ""}`}
          onClick={(e) => {
            e.preventDefault();
            openDraft({ sectionId, cell });
          }}
          aria-label={t("indicators.cell.comment", { name: row.name, year })}
          data-cell={`${row.code}:${year}`}
        >
          {text}
        </a>
      );
    }
    for (const th of [...cellMarks.values()].filter((x) => x.indicator === row.code && x.year === year)) {
      node = (
        <mark key={th.id} className={`hl cat-${th.category}`} data-comment-id={th.id}>
          {node}
        </mark>
      );
    }
    return node;
  };

  return (
    <ThreadSubmitContext.Provider value={round ? onThreadSubmit : null}>
      <div className={`reader${round ? " reader--comments" : ""}`}>
        <ReaderToc entries={data.toc} shownPages={shownPages} currentPageId={current} hrefOfPage={pageUrl} />
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: highlights are also reachable from the thread list, which is keyboard-operable */}
        <article className="doc-text" onClick={onTextClick}>
          {pages.map((p) => {
            // per section: the count and first of all its threads (fresher after a post), listed or not
            const here = (id: string) => {
              const f = fresh[id]?.threads.filter((th) => !th.withdrawn);
              return f ? { count: f.length, first: f[0]?.id } : p.threadsBySection[id];
            };
            return (
              <div key={p.page.id} data-reader-page={p.page.id ?? ""}>
                {p.sections.map((s) => {
                  const mine = here(s.id);
                  return (
                    <ReaderSection
                      key={s.id}
                      section={fresh[s.id] ? { ...s, html: fresh[s.id].html } : s}
                      threadCount={round ? (mine?.count ?? 0) : 0}
                      onShowThreads={() => mine?.first && showThread(mine.first, p.page.id)}
                      canComment={canComment}
                      formOpen={sectionForm === s.id}
                      formHref={sectionFormHref(s.id)}
                      onForm={(open) => setSectionForm(open ? s.id : null)}
                      target={round ? targetCell(s.id) : undefined}
                      extra={<EarlierComments items={s.earlier} sectionId={s.id} />}
                    />
                  );
                })}
              </div>
            );
          })}
          <div ref={sentinel} aria-live="polite" className="small muted">
            {state === "loading" ? t("reader.loading") : state === "failed" ? t("reader.loadFailed") : null}
          </div>
          <nav className="pager" aria-label={t("reader.pageNav")} data-testid="pager">
            {data.page.prevId ? (
              <Link to={pageUrl(data.page.prevId)} rel="prev">
                ← {t("reader.prev")}
              </Link>
            ) : (
              <span />
            )}
            <span className="small muted">{t("reader.page", { index: data.page.index + 1, count: data.page.count })}</span>
            {pages.at(-1)!.page.nextId ? (
              <Link to={pageUrl(pages.at(-1)!.page.nextId!)} rel="next" data-testid="next-page">
                {t("reader.next")} →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        </article>
        <aside className="reader__aside" aria-label={t("comment.threads", { count: threadTotal })}>
          {round ? (
            <div className="card threads" id="threads" data-testid="threads">
              <h2 className="small">
                {data.page.count > 1 ? t("reader.threadsHere", { count: threadTotal }) : t("comment.threads", { count: threadTotal })}
              </h2>
              <ThreadGroupNav window={group} hrefOf={groupHref} onGo={goToGroup} where="top" />
              {canComment ? (
                <button
                  type="button"
                  className="button button--small"
                  disabled={!selection}
                  onClick={startComment}
                  data-testid="add-comment-panel"
                >
                  {t("comment.add")}
                </button>
              ) : null}
              {canComment && !draft ? <p className="small muted">{t("comment.selectHint")}</p> : null}
              {canComment && !draft && data.hasIndicators ? <p className="small muted">{t("indicators.cell.hint")}</p> : null}
              {fetcher.data && !fetcher.data.ok && fetcher.state === "idle" ? (
                <div className="alert alert--error" role="alert" data-testid="comment-error">
                  {fetcher.data.formError}
                </div>
              ) : null}
              {draft ? (
                <div id="new-comment" className="thread is-active">
                  <NewCommentForm
                    key={draft.cell ? `${draft.cell.indicator}:${draft.cell.year}` : "passage"}
                    sectionId={draft.sectionId}
                    anchor={draft.anchor ?? null}
                    cell={draft.cell}
                    action={draft.cell && round ? `?round=${encodeURIComponent(round.id)}` : undefined}
                    onCancel={() => setDraft(null)}
                    idPrefix="nc"
                  />
                </div>
              ) : null}
              {visibleThreads.length === 0 && !draft ? <p className="small muted">{t("comment.noComments")}</p> : null}
              {visibleThreads.map((th) => (
                <CommentThread
                  key={th.id}
                  thread={th}
                  active={th.id === active?.id}
                  canReply={canReply}
                  replying={replyTo === th.id}
                  replyHref={replyHref(th.id)}
                  onReply={setReplyTo}
                  onSelect={(id) => setActiveId(id, "list")}
                />
              ))}
              <ThreadGroupNav window={group} hrefOf={groupHref} onGo={goToGroup} where="bottom" />
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
        <button
          type="button"
          className="button button--small selection-button"
          style={{ top: selection.top, left: selection.left }}
          onMouseDown={(e) => e.preventDefault()}
          onClick={startComment}
          data-testid="add-comment"
        >
          {t("comment.add")}
        </button>
      ) : null}
    </ThreadSubmitContext.Provider>
  );
}
