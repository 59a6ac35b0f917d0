import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  type ClientLoaderFunctionArgs,
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
  useLocation,
} from "@remix-run/react";
import { useCallback, useEffect } from "react";
import { ReaderPane } from "~/components/reader/reader-pane";
import { Deadline } from "~/components/round-badges";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime } from "~/lib/time";
import { planContext } from "~/models/plan-nav.server";
import { type ReaderData, readingQuery, readingView } from "~/models/reader.server";
import { threadAction } from "~/models/reader-threads.server";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

/**
 * The reading view of a published edition, a page at a time (models/reader.server.ts#readingView).
 * With `?round=` it shows that round's comments on the page's sections as highlights and threads and
 * lets invited reviewers comment. The sections' HTML goes into the document once: it is hidden from the
 * serialised loader data and read back from the DOM on hydration (components/reader/static-html.tsx).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const q = readingQuery(new URL(request.url));
  return forPage(ctx, () => {
    const view = readingView(ctx, params.editionId!, q);
    for (const s of view.sections) Object.defineProperty(s, "html", { value: s.html, enumerable: false });
    return {
      planContext: planContext(ctx, view.round ? { roundId: view.round.id } : { editionId: view.edition.id }),
      ...view,
    } as ReaderData;
  });
}

/**
 * In the browser, other pages come from the page resource route (editions.$editionId.page.ts) with
 * their HTML in the data; the document's own first page came with the HTML in its markup.
 */
export async function clientLoader({ request, params }: ClientLoaderFunctionArgs): Promise<ReaderData> {
  const url = new URL(request.url);
  const res = await fetch(`/editions/${encodeURIComponent(params.editionId!)}/page${url.search}`, {
    signal: request.signal,
    headers: { Accept: "application/json" },
  });
  if (!res.ok || !res.headers.get("Content-Type")?.includes("json")) {
    // signed out, gone, not allowed: let the server answer the whole page
    window.location.assign(url.href);
    return new Promise(() => {});
  }
  return res.json();
}

/** Posting or answering a comment refreshes that section (the threads resource route), not this page's data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction?.includes("/threads") ? false : defaultShouldRevalidate;

/** Without JavaScript the forms post here; with it they post to editions.$editionId.threads.ts. */
export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const roundId = new URL(request.url).searchParams.get("round") ?? "";
  const form = Object.fromEntries(await request.formData());
  return formAction(ctx.user.locale, String(form.intent ?? ""), () => {
    const { section: _, ...result } = threadAction(ctx, params.editionId!, roundId, form);
    return result;
  });
}

export default function EditionPage() {
  const data = useLoaderData<typeof clientLoader>();
  const { edition, round, canOpenRound, seesAll } = data;
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const base = `/editions/${edition.id}`;
  const pageUrl = useCallback(
    (pageId: string, hash = "") =>
      `${base}?${new URLSearchParams({ ...(round ? { round: round.id } : {}), chapter: pageId })}${hash ? `#${hash}` : ""}`,
    [base, round],
  );
  const loadPage = useCallback(
    async (pageId: string, extra: Record<string, string> = {}) => {
      const res = await fetch(`${base}/page?${new URLSearchParams({ ...(round ? { round: round.id } : {}), chapter: pageId, ...extra })}`, {
        headers: { Accept: "application/json" },
      });
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()) as ReaderData;
    },
    [base, round],
  );
  // after a jump to another page, go to the section asked for (or the top)
  useEffect(() => {
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target) target.scrollIntoView();
  }, [location.hash]);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>
            {edition.documentTitle}（{edition.label}）
          </h1>
          <div className="page-head__meta">
            {t("edition.publishedAt", { date: formatDateTime(edition.publishedAt, locale) })} ·{" "}
            {t("edition.sections", { count: edition.sectionCount })} · {t("reader.chars", { count: edition.chars })} ·{" "}
            {t("edition.manifestHash")}
            {t("common.colon")}
            <span className="mono" title={edition.manifestHash} data-testid="manifest-hash">
              {edition.manifestHash.slice(0, 12)}
            </span>
          </div>
        </div>
        <div className="row-actions">
          {canOpenRound && !round ? (
            <>
              <Link className="button button--ghost" to={`${base}/rounds/new`}>
                {t("round.new")}
              </Link>
              <Link className="button button--ghost" to={`${base}/reviews/new`}>
                {t("review.new")}
              </Link>
            </>
          ) : null}
          <a className="button button--ghost" href={`${base}/export.docx`} data-testid="export-docx" download>
            {t("edition.export")}
          </a>
          <Link className="button button--ghost" to={`${base}/full`} data-testid="full-text" title={t("reader.fullTextTitle")}>
            {t("reader.fullText")}
          </Link>
          <button type="button" className="button button--ghost" onClick={() => window.print()}>
            {t("edition.print")}
          </button>
        </div>
      </div>
      {round ? (
        <div className={`alert ${round.open ? "alert--info" : "alert--error"} banner`} data-testid="round-banner">
          <span>
            <Link to={`/rounds/${round.id}`}>{round.title}</Link> ·{" "}
            <Deadline open={round.open} closesAt={round.closesAt} daysLeft={round.daysLeft} />
          </span>
          <span className="small">
            {!round.open
              ? t("round.closed")
              : round.submitted
                ? t("submission.locked")
                : seesAll
                  ? t("comment.allVisibleNote")
                  : round.visibility === "private"
                    ? t("comment.privateNote")
                    : t("comment.sharedNote")}
          </span>
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
      <ReaderPane data={data} pageUrl={pageUrl} loadPage={loadPage} actionResult={result ?? null} />
    </>
  );
}
