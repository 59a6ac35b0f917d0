import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { StatusBadge, useAmount } from "~/components/projects";
import { TypeFilter } from "~/components/library/project-filters";
import { FilterQuery, FilterSelect, optionsOf } from "~/components/ui/filter-select";
import { translator } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { LOOKUP_LIMIT, lookupPage } from "~/models/project-lookup.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? translator(data.locale)("library.lookup.title") : "" }];

/** 项目是否纳入已批准规划？ — for any signed-in user. */
export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const input = { q: params.get("q") ?? "", county: params.get("county") ?? "", type: params.get("type") ?? "" };
  return forPage(ctx, () => ({ ...lookupPage(ctx, input), input, locale: ctx.user.locale, limit: LOOKUP_LIMIT }));
}

function CopyHash({ hash }: { hash: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button button--ghost button--small"
      onClick={() => {
        navigator.clipboard
          ?.writeText(hash)
          .then(() => setCopied(true))
          .catch(() => setCopied(false));
      }}
      aria-label={`${t("library.lookup.copy")} ${t("library.lookup.hash")}`}
    >
      {copied ? t("library.lookup.copied") : t("library.lookup.copy")}
    </button>
  );
}

export default function ProjectLookup() {
  const { wide, answer, counties, input, limit } = useLoaderData<typeof loader>();
  const t = useT();
  const amount = useAmount();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("library.lookup.question")}</h1>
          <div className="page-head__meta">{t("library.lookup.lead")}</div>
        </div>
      </div>
      <Form method="get" className="card filters" role="search" data-testid="lookup-form">
        <FilterQuery label={t("library.lookup.q")} value={input.q} placeholder={t("library.lookup.q")} maxLength={50} />
        <FilterSelect
          name="county"
          label={t("library.field.county")}
          value={input.county}
          any={t("library.lookup.anyCounty")}
          options={optionsOf(counties)}
        />
        <TypeFilter value={input.type} any={t("library.lookup.anyType")} />
        <button type="submit" className="button">
          {t("library.lookup.search")}
        </button>
      </Form>
      {wide ? <p className="small muted">{t("library.lookup.wide")}</p> : null}

      <section className="card" aria-live="polite" data-testid="lookup-answer">
        {!answer ? (
          <p className="muted result-count">{t("library.lookup.prompt")}</p>
        ) : answer.results.length === 0 ? (
          <p className="result-count" data-testid="lookup-none">
            {wide ? t("library.lookup.noneWide") : t("library.lookup.none")}
          </p>
        ) : (
          <>
            <p className="result-count">
              {t("library.lookup.results", { count: answer.results.length })}
              {answer.truncated ? ` ${t("library.lookup.truncated", { max: limit })}` : null}
            </p>
            <ul className="result-list">
              {answer.results.map((r) => {
                const inApproved = r.edition && r.status === "included";
                return (
                  <li key={r.id} data-testid="lookup-result">
                    <div className="result-list__head">
                      {r.edition ? (
                        <span className={`badge ${inApproved ? "badge--accent" : "badge--danger"}`} data-testid="verdict">
                          {inApproved ? t("library.lookup.verdict.included") : t("library.lookup.verdict.notIncluded")}
                        </span>
                      ) : (
                        <span className="badge badge--warn" data-testid="verdict">
                          {t("library.lookup.verdict.pending")}
                        </span>
                      )}
                      <strong>{r.name}</strong>
                      {!inApproved ? <StatusBadge status={r.status} /> : null}
                    </div>
                    <div className="result-list__meta">
                      <span>{t(`library.type.${r.type}`)}</span>
                      <span>
                        {r.county}
                        {r.township ? ` ${r.township}` : ""}
                      </span>
                      <span>
                        {amount(r.areaHa)} {t("library.unit.ha")} · {amount(r.investmentWan)} {t("library.unit.wan")}
                      </span>
                      <span>{r.period}</span>
                    </div>
                    <div className="result-list__meta">
                      <span>
                        {t("library.field.plan")}
                        {t("common.colon")}
                        <Link to={`/plans/${r.plan.id}`}>{r.plan.title}</Link>
                      </span>
                      {r.edition ? (
                        <>
                          <span>
                            {t("library.lookup.edition")}
                            {t("common.colon")}
                            <Link to={`/editions/${r.edition.id}`} data-testid="edition-label">
                              {r.edition.label}
                            </Link>
                          </span>
                          <span className="nowrap">
                            {t("library.lookup.hash")}
                            {t("common.colon")}
                            <code
                              className="hash"
                              title={t("library.lookup.fullHash", { hash: r.edition.manifestHash })}
                              data-testid="edition-hash"
                              data-hash={r.edition.manifestHash}
                            >
                              {r.edition.manifestHash.slice(0, 12)}…
                            </code>{" "}
                            <CopyHash hash={r.edition.manifestHash} />
                          </span>
                        </>
                      ) : null}
                      {r.approval ? (
                        <span>
                          {t("library.lookup.approval")}
                          {t("common.colon")}
                          {r.approval.documentNumber}
                          {t("library.paren", { text: r.approval.approvedOn })}
                        </span>
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
