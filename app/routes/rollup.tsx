import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { stageKeys } from "~db/schema/enums";
import { translate } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import { approvalText, deadlineText, filingText, mismatchText, reviewText } from "~/lib/rollup/cells";
import { DUE_SOON_DAYS, parseRollupQuery, queryString, type RollupQuery, type SortKey, sortLink } from "~/lib/rollup/table";
import { formatDate, formatDateTime } from "~/lib/time";
import { rollupView, type RollupViewRow } from "~/models/rollup.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: "zh-CN" | "en" } | undefined)?.locale ?? "zh-CN";
  return [{ title: `${translate(locale, "rollup.title")} · ${translate(locale, "app.shortName")}` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => rollupView(ctx, parseRollupQuery(new URL(request.url).searchParams)));
}

type T = ReturnType<typeof useT>;

export default function Rollup() {
  const view = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const q = view.query;
  const filtered = view.rows.length !== view.total;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("rollup.title")}</h1>
          <div className="page-head__meta">{t("rollup.lead")}</div>
        </div>
        <div className="row-actions">
          <a className="button button--ghost" href={`/rollup.xlsx${queryString(q)}`} download data-testid="rollup-export">
            {t("rollup.export")}
          </a>
        </div>
      </div>

      <p className="rollup-summary" data-testid="rollup-summary">
        <Summary summary={view.summary} query={q} t={t} />
        {filtered ? (
          <span className="muted">{`${t("rollup.summarySep")}${t("rollup.summary.shown", { shown: view.rows.length })}`}</span>
        ) : null}
      </p>

      <Form method="get" className="filters rollup-filters" aria-label={t("rollup.filter.title")} data-testid="rollup-filters">
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <label className="visually-hidden" htmlFor="rollup-level">
          {t("rollup.filter.level")}
        </label>
        <select id="rollup-level" name="level" className="input" defaultValue={q.level ?? ""}>
          <option value="">{t("rollup.filter.allLevels")}</option>
          <option value="city">{t("plan.level.city")}</option>
          <option value="county">{t("plan.level.county")}</option>
        </select>
        <label className="visually-hidden" htmlFor="rollup-stage">
          {t("rollup.filter.stage")}
        </label>
        <select id="rollup-stage" name="stage" className="input" defaultValue={q.stage ?? ""}>
          <option value="">{t("rollup.filter.allStages")}</option>
          {stageKeys.map((s) => (
            <option key={s} value={s}>
              {t(`stage.${s}`)}
            </option>
          ))}
        </select>
        <label className="small">
          <input type="checkbox" name="overdue" value="1" defaultChecked={q.overdue} /> {t("rollup.filter.overdue")}
        </label>
        <label className="small">
          <input type="checkbox" name="attention" value="1" defaultChecked={q.attention} /> {t("rollup.filter.attention")}
        </label>
        <button type="submit" className="button button--small">
          {t("rollup.filter.apply")}
        </button>
        {q.level || q.stage || q.overdue || q.attention ? (
          <Link to={queryString({ ...q, level: null, stage: null, overdue: false, attention: false }) || "?"}>
            {t("rollup.filter.reset")}
          </Link>
        ) : null}
      </Form>

      <div className="card table-wrap rollup-card">
        <table className="data rollup" data-testid="rollup">
          <thead>
            <tr>
              <SortHeader q={q} column="plan" label={t("rollup.col.plan")} t={t} />
              <SortHeader q={q} column="stage" label={t("rollup.col.stage")} t={t} />
              <SortHeader q={q} column="deadline" label={t("rollup.col.deadline")} t={t} />
              <SortHeader q={q} column="rounds" label={t("rollup.col.rounds")} t={t} />
              <SortHeader q={q} column="comments" label={t("rollup.col.comments")} t={t} />
              <SortHeader q={q} column="review" label={t("rollup.col.review")} t={t} />
              <SortHeader q={q} column="approval" label={t("rollup.col.approval")} t={t} />
              <SortHeader q={q} column="filing" label={t("rollup.col.filing")} t={t} />
              <SortHeader q={q} column="indicators" label={t("rollup.col.indicators")} t={t} />
              <SortHeader q={q} column="projects" label={t("rollup.col.projects")} t={t} />
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <Row key={r.planId} r={r} t={t} />
            ))}
          </tbody>
        </table>
        {view.rows.length === 0 ? <p className="muted">{t("rollup.none")}</p> : null}
      </div>
      <p className="small muted">
        {t("rollup.generatedAt", { date: formatDateTime(view.generatedAt, locale) })} · {t("rollup.cityCheckOnly")}
      </p>
    </>
  );
}

function Summary({
  summary: s,
  query,
  t,
}: {
  summary: ReturnType<typeof useLoaderData<typeof loader>>["summary"];
  query: RollupQuery;
  t: T;
}) {
  const parts: ReactNode[] = [];
  if (s.overdue)
    parts.push(
      <Link key="overdue" to={queryString({ ...query, overdue: true })} className="rollup-overdue">
        {t("rollup.summary.overdue", { count: s.overdue })}
      </Link>,
    );
  if (s.consulting) parts.push(t("rollup.summary.consulting", { count: s.consulting }));
  if (s.inReview) parts.push(t("rollup.summary.inReview", { count: s.inReview }));
  if (s.requested) parts.push(t("rollup.summary.requested", { count: s.requested }));
  if (s.awaitingFiling) parts.push(t("rollup.summary.awaitingFiling", { count: s.awaitingFiling }));
  if (s.filed) parts.push(t("rollup.summary.filed", { count: s.filed }));
  const tail = [t("rollup.summary.unanswered", { count: s.unanswered })];
  if (s.mismatches) tail.push(t("rollup.summary.mismatches", { count: s.mismatches }));
  return (
    <>
      <strong>{t("rollup.summary.plans", { count: s.plans })}</strong>
      {parts.length ? t("common.colon") : null}
      {parts.map((p, i) => (
        <span key={typeof p === "string" ? p : `part-${i}`}>
          {i ? t("rollup.listSep") : null}
          {p}
        </span>
      ))}
      {tail.map((x) => (
        <span key={x}>
          {t("rollup.summarySep")}
          {x}
        </span>
      ))}
    </>
  );
}

function SortHeader({ q, column, label, t }: { q: RollupQuery; column: SortKey; label: string; t: T }) {
  const active = q.sort === column;
  return (
    <th scope="col" aria-sort={active ? (q.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link
        to={sortLink(q, column) || "?"}
        className="sort-link"
        title={t("rollup.sortBy", { column: label })}
        data-sort={column}
        preventScrollReset
      >
        {label}
        {active ? <span aria-hidden="true">{q.dir === "asc" ? " ▲" : " ▼"}</span> : null}
        {active ? <span className="visually-hidden">{t(`rollup.sorted.${q.dir}`)}</span> : null}
      </Link>
    </th>
  );
}

function Row({ r, t }: { r: RollupViewRow; t: T }) {
  const locale = useLocale();
  const l = r.links;
  return (
    <tr className={r.overdue ? "is-overdue" : undefined} data-plan={r.region} data-testid="rollup-row">
      <th scope="row" className="rollup-plan">
        <Link to={l.plan} className="rollup-plan__name">
          {r.region}
        </Link>{" "}
        <span className={`badge ${r.level === "city" ? "badge--accent" : ""}`}>{t(`plan.level.${r.level}`)}</span>
        <div className="small muted rollup-plan__title">{r.title}</div>
        {r.attention.length ? (
          <div className="rollup-attention">
            {r.attention.map((a) => (
              <span key={a} className={`badge ${a === "overdue" || a === "reviewRejected" ? "badge--danger" : "badge--warn"}`}>
                {t(`rollup.attention.${a}`, { days: DUE_SOON_DAYS })}
              </span>
            ))}
          </div>
        ) : null}
      </th>
      <Cell label={t("rollup.col.stage")}>
        <Link to={l.plan}>{t(`stage.${r.stage}`)}</Link>
      </Cell>
      <Cell label={t("rollup.col.deadline")} empty={!r.dueOn} testId="rollup-deadline">
        {r.dueOn ? (
          <Link to={l.deadline} className="nowrap">
            {formatDate(r.dueOn, locale)}
            {r.dueStage !== r.stage ? (
              <span className="small muted"> · {t("rollup.dueStage", { stage: t(`stage.${r.dueStage}`) })}</span>
            ) : null}
          </Link>
        ) : (
          "—"
        )}
        <div className={r.overdue ? "rollup-overdue" : r.filing ? "small muted" : "small"}>{deadlineText(r, t)}</div>
      </Cell>
      <Cell label={t("rollup.col.rounds")} empty={!r.openRounds.length}>
        {r.openRounds.length ? (
          r.openRounds.map((o) => (
            <div key={o.id} className="rollup-round">
              <Link
                to={l.rounds[o.id]}
                title={o.title}
                aria-label={`${o.title} ${t("rollup.replied", { replied: o.replied, invited: o.invited })}`}
              >
                {t("rollup.replied", { replied: o.replied, invited: o.invited })}
              </Link>
              <div className="progress" aria-hidden="true">
                <span style={{ width: `${o.invited ? Math.round((100 * o.replied) / o.invited) : 0}%` }} />
              </div>
              <div className="small muted">
                {t("dashboard.closesAt", { date: formatDateTime(o.closesAt, locale).slice(0, locale === "en" ? 10 : 11) })}
              </div>
            </div>
          ))
        ) : (
          <span className="muted small">{t("rollup.noOpenRound")}</span>
        )}
      </Cell>
      <Cell label={t("rollup.col.comments")} empty={!r.comments.total} testId="rollup-comments">
        {r.comments.total ? (
          <Link to={l.comments} className={r.comments.unanswered ? "rollup-pending" : undefined}>
            {t("rollup.unansweredOf", { unanswered: r.comments.unanswered, total: r.comments.total })}
          </Link>
        ) : (
          "—"
        )}
      </Cell>
      <Cell label={t("rollup.col.review")} empty={!r.review}>
        {r.review ? <Link to={l.review}>{reviewText(r, t)}</Link> : "—"}
      </Cell>
      <Cell label={t("rollup.col.approval")} empty={!r.approval}>
        {r.approval ? <Link to={l.approval}>{approvalText(r, t, locale)}</Link> : "—"}
      </Cell>
      <Cell label={t("rollup.col.filing")} empty={!r.filing} testId="rollup-filing">
        {r.filing ? <Link to={l.filing}>{filingText(r, locale)}</Link> : "—"}
      </Cell>
      <Cell label={t("rollup.col.indicators")} empty={r.level !== "city"} className="num">
        {r.level === "city" ? (
          <Link to={l.indicators} className={r.indicatorMismatches ? "rollup-pending" : undefined}>
            {mismatchText(r)}
          </Link>
        ) : (
          <span title={t("rollup.cityCheckOnly")}>—</span>
        )}
      </Cell>
      <Cell label={t("rollup.col.projects")}>
        <Link to={l.projects} className="rollup-projects">
          <strong>{t("rollup.projectsIncluded", { count: r.projects.included })}</strong>
          <span className="small muted">{t("rollup.projectsOthers", r.projects)}</span>
        </Link>
      </Cell>
    </tr>
  );
}

/** A cell; on a phone it shows its column's label beside it, and empty cells are left out. */
function Cell({
  label,
  empty = false,
  className,
  testId,
  children,
}: {
  label: string;
  empty?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <td data-label={label} className={[className, empty ? "is-empty" : ""].filter(Boolean).join(" ") || undefined} data-testid={testId}>
      <div>{children}</div>
    </td>
  );
}
