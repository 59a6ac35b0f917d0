// Similar comments above the workbench table: the confirmed groups (answer once, ungroup) and the
// proposals the drafter confirms with one button.
import { Form, Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

interface Member {
  id: string;
  organization: string;
  body: string;
  answered: boolean;
}

export interface GroupsPanelProps {
  groups: { id: string; members: Member[]; size: number; answered: number }[];
  total: number;
  numbers: Record<string, number>;
  proposals: { commentIds: string[]; reasons: ("passage" | "body")[]; members: Member[]; size: number }[];
  moreProposals: number;
  linkWith: (key: string, value: string) => string;
  busy: boolean;
}

function Members({ members, size }: { members: Member[]; size: number }) {
  const t = useT();
  return (
    <ul className="plain-list small groups__members">
      {members.map((m) => (
        <li key={m.id}>
          <strong>{m.organization}</strong> {m.body}
        </li>
      ))}
      {size > members.length ? <li className="muted">{t("workbench.groups.moreMembers", { count: size - members.length })}</li> : null}
    </ul>
  );
}

export function GroupsPanel({ groups, total, numbers, proposals, moreProposals, linkWith, busy }: GroupsPanelProps) {
  const t = useT();
  return (
    <section className="card groups" data-testid="groups" aria-labelledby="groups-title">
      <h2 id="groups-title">{t("workbench.groups.title")}</h2>
      {total ? (
        <>
          <h3 className="small">
            {t("workbench.groups.confirmed")}（{total}）
          </h3>
          <ul className="groups__list">
            {groups.map((g) => (
              <li key={g.id} className="groups__item" data-testid="group" data-group-id={g.id}>
                <div className="groups__head">
                  <span className="badge badge--info">{t("workbench.groups.label", { n: numbers[g.id] ?? 0 })}</span>
                  <span className="small muted">
                    {t("workbench.groups.members", { count: g.size })} ·{" "}
                    {t("workbench.groups.answeredCount", { done: g.answered, count: g.size })}
                  </span>
                  <Link to={linkWith("group", g.id)} preventScrollReset className="button button--small">
                    {t("workbench.groups.answerOnce")}
                  </Link>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="groupId" value={g.id} />
                    <button type="submit" name="intent" value="ungroup" className="button button--ghost button--small" disabled={busy}>
                      {t("workbench.groups.ungroup")}
                    </button>
                  </Form>
                </div>
                <Members members={g.members} size={g.size} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 className="small">{t("workbench.groups.proposed")}</h3>
      {proposals.length === 0 ? <p className="small muted">{t("workbench.groups.none")}</p> : null}
      <ul className="groups__list">
        {proposals.map((p) => (
          <li key={p.commentIds.join(" ")} className="groups__item" data-testid="proposal">
            <Form method="post" className="groups__head">
              {p.commentIds.map((id) => (
                <input key={id} type="hidden" name="commentIds" value={id} />
              ))}
              {p.reasons.map((r) => (
                <span key={r} className="badge">
                  {t(`workbench.groups.reason.${r}`)}
                </span>
              ))}
              <span className="small muted">{t("workbench.groups.members", { count: p.size })}</span>
              <button type="submit" name="intent" value="group" className="button button--small" disabled={busy}>
                {t("workbench.groups.confirm")}
              </button>
            </Form>
            <Members members={p.members} size={p.size} />
          </li>
        ))}
      </ul>
      {moreProposals ? <p className="small muted">{t("workbench.groups.more", { count: moreProposals })}</p> : null}
    </section>
  );
}
