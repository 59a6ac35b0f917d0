// The drawer of one confirmed group: its members and one answer for all of them.
import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { DecisionFields } from "./decision-fields";

export function GroupDrawer({
  group,
  busy,
}: {
  group: { id: string; number: number; members: { id: string; organization: string; body: string; answered: boolean }[] };
  busy: boolean;
}) {
  const t = useT();
  return (
    <aside className="card drawer" data-testid="group-drawer">
      <h2 className="small">
        {t("workbench.groups.answerOnce")} · {t("workbench.groups.label", { n: group.number })}
      </h2>
      <p className="small muted">{t("workbench.groups.drawerNote")}</p>
      <ol className="small">
        {group.members.map((m) => (
          <li key={m.id}>
            <strong>{m.organization}</strong> {m.body}
          </li>
        ))}
      </ol>
      <Form method="post" data-testid="group-answer-form">
        <input type="hidden" name="groupId" value={group.id} />
        <DecisionFields idPrefix="group" />
        <button type="submit" name="intent" value="answerGroup" className="button" disabled={busy}>
          {t("workbench.groups.answerOnce")}
        </button>
      </Form>
    </aside>
  );
}
