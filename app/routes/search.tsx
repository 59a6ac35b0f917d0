import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SearchSnippet } from "~/components/search-snippet";
import { FilterQuery, FilterSelect } from "~/components/ui/filter-select";
import { translator } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { SEARCH_MAX_LIMIT, searchPage } from "~/models/search.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? translator(data.locale)("search.title") : "" }];

/** /search?q=&plan= : sections, comments and replies the caller may see. */
export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return forPage(ctx, () => ({ ...searchPage(ctx, params), locale: ctx.user.locale, max: SEARCH_MAX_LIMIT }));
}

const kindBadge = { section: "badge--accent", comment: "badge--info", reply: "badge--warn" } as const;

export default function SearchPage() {
  const { answer, plans, input, max } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("search.title")}</h1>
          <div className="page-head__meta">{t("search.lead")}</div>
        </div>
      </div>
      <Form method="get" className="card filters" role="search" aria-label={t("search.form")} data-testid="search-form">
        <FilterQuery
          label={t("search.query")}
          value={input.q}
          placeholder={t("search.placeholder")}
          maxLength={100}
          className="search-page__q"
        />
        <FilterSelect
          name="plan"
          label={t("search.plan")}
          value={input.plan}
          any={t("search.allPlans")}
          options={plans.map((p) => ({ value: p.id, label: p.title }))}
        />
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </Form>

      <section className="card" aria-live="polite" aria-label={t("search.results")} data-testid="search-results">
        {!answer?.query ? (
          <p className="muted result-count">{t("search.prompt")}</p>
        ) : answer.results.length === 0 ? (
          <p className="result-count" data-testid="search-none">
            {t("search.none", { q: answer.query })}
          </p>
        ) : (
          <>
            <p className="result-count">
              {t("search.count", { count: answer.results.length })}
              {answer.more ? ` ${t("search.more", { max })}` : null}
            </p>
            <ul className="result-list">
              {answer.results.map((r) => (
                <li key={`${r.kind}:${r.id}`} data-testid="search-result" data-kind={r.kind}>
                  <div className="result-list__head">
                    <span className={`badge ${kindBadge[r.kind]}`}>{t(`search.kind.${r.kind}`)}</span>
                    <Link to={r.url}>
                      <strong>
                        {r.number} {r.title}
                      </strong>
                    </Link>
                    {r.organization ? <span className="muted">{r.organization}</span> : null}
                  </div>
                  <SearchSnippet snippet={r.snippet} />
                  <div className="result-list__meta">
                    <span>{r.planTitle}</span>
                    {r.kind === "section" ? (
                      <span>
                        {r.edition ? (r.draft ? t("search.draftOf", { label: r.edition.label }) : r.edition.label) : t("search.draft")}
                      </span>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
