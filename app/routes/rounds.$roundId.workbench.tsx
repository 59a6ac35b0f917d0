import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import { commentCategories } from "~db/schema/enums";
import { ActionResult } from "~/components/action-result";
import { FilterSelect, optionsOf } from "~/components/ui/filter-select";
import { CommentTable } from "~/components/workbench/comment-table";
import { AnswerDrawer } from "~/components/workbench/answer-drawer";
import { DecisionFields } from "~/components/workbench/decision-fields";
import { GroupDrawer } from "~/components/workbench/group-drawer";
import { GroupsPanel } from "~/components/workbench/groups-panel";
import { WorkbenchPager } from "~/components/workbench/pager";
import { translate } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { answerGroup, confirmGroup, ungroup } from "~/models/comment-group.server";
import { planContext } from "~/models/plan-nav.server";
import { respondToComments } from "~/models/response.server";
import { workbenchPage } from "~/models/workbench-page.server";
import { workbenchQuery } from "~/models/workbench.server";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";
import type { RowActionResult } from "./rounds.$roundId.workbench_.rows.$commentId";

/** The drafting team's comment workbench: one page of a filterable table, groups of similar comments, bulk answers and an answer drawer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const url = new URL(request.url);
  const query = { ...workbenchQuery(url.searchParams), comment: url.searchParams.get("comment"), group: url.searchParams.get("group") };
  return forPage(ctx, () => {
    const page = workbenchPage(ctx, params.roundId!, query);
    return { planContext: planContext(ctx, { roundId: page.round.id }), ...page };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const locale = ctx.user.locale;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const values = { decision: form.get("decision"), reason: form.get("reason") ?? "", revisionId: form.get("revisionId") };
  const commentIds = form.getAll("commentIds").map(String);
  if (intent === "group")
    return formAction(locale, intent, () =>
      translate(locale, "workbench.groups.saved", { count: confirmGroup(ctx, params.roundId!, { commentIds }).commentIds.length }),
    );
  if (intent === "ungroup")
    return formAction(locale, intent, () => {
      ungroup(ctx, String(form.get("groupId")));
      return translate(locale, "workbench.groups.removed");
    });
  if (intent === "answerGroup")
    return formAction(locale, intent, () =>
      translate(locale, "workbench.groups.answered", { count: answerGroup(ctx, String(form.get("groupId")), values).commentIds.length }),
    );
  return formAction(locale, "bulk", () =>
    translate(locale, "response.bulkSaved", { count: respondToComments(ctx, commentIds, values).length }),
  );
}

// Answering or assigning in the drawer updates its row in place: the page's data is not reloaded.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction: target, defaultShouldRevalidate }) =>
  target?.includes("/workbench/rows/") ? false : defaultShouldRevalidate;

type Row = ReturnType<typeof useLoaderData<typeof loader>>["view"]["rows"][number];

export default function Workbench() {
  const { round, view, groups, drawer, groupDrawer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fetcher = useFetcher<RowActionResult>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const t = useT();
  const busy = navigation.state !== "idle";
  const { filters, counts } = view;

  // rows changed in the drawer since the page was loaded, and the latest message (page action or drawer)
  const [changed, setChanged] = useState<Record<string, Row>>({});
  const [message, setMessage] = useState<typeof result | { ok: true; result: string } | { ok: false; formError: string }>(undefined);
  useEffect(() => setChanged({}), [view]);
  useEffect(() => setMessage(result), [result]);
  useEffect(() => {
    const d = fetcher.data;
    if (!d) return;
    if (d.ok) {
      const row = d.result.row;
      if (row) setChanged((prev) => ({ ...prev, [row.id]: row as Row }));
      setMessage({ ok: true, result: d.result.message });
    } else setMessage({ ok: false, formError: d.formError });
  }, [fetcher.data]);

  const linkWith = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    p.set(key, value);
    if (key === "comment") p.delete("group");
    if (key === "group") p.delete("comment");
    return `?${p}`;
  };
  const open = !!drawer || !!groupDrawer;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("workbench.open")}</h1>
          <div className="page-head__meta">
            {round.title} · {t("workbench.count", { count: counts.all })} · {t("response.pending")} {counts.pending}
          </div>
        </div>
        <div className="row-actions">
          {(["xlsx", "docx", "csv"] as const).map((f) => (
            <a key={f} className="button button--ghost button--small" href={`/api/v1/rounds/${round.id}/adoption-table.${f}`} download>
              {t("adoption.download")}（{f}）
            </a>
          ))}
        </div>
      </div>
      <ActionResult result={message} testId="workbench-result" />
      <p className="small row-actions assignee-counts" data-testid="assignee-counts">
        <strong>{t("workbench.byAssignee")}</strong>
        {counts.assignees.map((a) => (
          <Link key={a.id} to={`?${new URLSearchParams({ assignee: a.me ? "me" : a.id })}`} data-assignee={a.id}>
            {a.name ?? t("workbench.assignee.none")} {t("workbench.assigneeCount", { pending: a.pending, total: a.total })}
          </Link>
        ))}
      </p>
      <Form method="get" className="card row-actions filters" data-testid="filters">
        <FilterSelect
          name="status"
          label={t("admin.status")}
          value={filters.status}
          options={optionsOf(["all", "pending", "answered"] as const, (v) => t(`workbench.filter.${v}`))}
        />
        <FilterSelect
          name="assignee"
          label={t("workbench.assignee")}
          value={filters.assignee}
          any={t("workbench.assignee.any")}
          options={[
            ...optionsOf(["me", "none"] as const, (v) => t(`workbench.assignee.${v}`)),
            ...view.team.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <FilterSelect
          name="org"
          label={t("workbench.organization")}
          value={filters.org}
          any={t("workbench.organization")}
          options={view.organizations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <FilterSelect
          name="section"
          label={t("workbench.section")}
          value={filters.section}
          any={t("workbench.section")}
          options={view.sections.map((x) => ({ value: x.id, label: x.label }))}
        />
        <FilterSelect
          name="category"
          label={t("workbench.category")}
          value={filters.category}
          any={t("workbench.category")}
          options={optionsOf(commentCategories, (c) => t(`comment.category.${c}`))}
        />
        <input name="q" defaultValue={filters.q} placeholder={t("workbench.search")} aria-label={t("workbench.search")} className="input" />
        <button type="submit" className="button button--small">
          {t("workbench.filter")}
        </button>
      </Form>
      <GroupsPanel
        groups={groups.listed}
        total={groups.total}
        numbers={view.groupNumbers}
        proposals={groups.proposals}
        moreProposals={groups.moreProposals}
        linkWith={linkWith}
        busy={busy}
      />
      <div className={open ? "workbench workbench--open" : "workbench"}>
        <Form method="post" className="card" data-testid="workbench">
          <WorkbenchPager page={view.page} pages={view.pages} pageSize={view.pageSize} filtered={view.filtered} linkWith={linkWith} />
          <CommentTable
            rows={view.rows.map((original) => ({ ...original, ...changed[original.id], number: original.number }))}
            selectedId={drawer?.comment.id ?? null}
            groupNumbers={view.groupNumbers}
            linkWith={linkWith}
          />
          <WorkbenchPager page={view.page} pages={view.pages} pageSize={view.pageSize} filtered={view.filtered} linkWith={linkWith} />
          <details className="bulk">
            <summary>{t("response.bulk")}</summary>
            <DecisionFields idPrefix="bulk" />
            <div className="row-actions">
              <button type="submit" name="intent" value="bulk" className="button" disabled={busy}>
                {t("response.bulk")}
              </button>
              <button type="submit" name="intent" value="group" className="button button--ghost" formNoValidate disabled={busy}>
                {t("workbench.groups.groupSelected")}
              </button>
            </div>
          </details>
        </Form>
        {drawer ? (
          <AnswerDrawer
            key={drawer.comment.id}
            comment={drawer.comment}
            current={drawer.current}
            change={drawer.change}
            assigneeId={changed[drawer.comment.id]?.assigneeId ?? drawer.row.assigneeId}
            team={view.team}
            action={`/rounds/${round.id}/workbench/rows/${drawer.comment.id}`}
            fetcher={fetcher as never}
          />
        ) : null}
        {groupDrawer ? <GroupDrawer key={groupDrawer.id} group={groupDrawer} busy={busy} /> : null}
      </div>
    </>
  );
}
