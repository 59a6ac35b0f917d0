import { responseDecisions } from "~db/schema/enums";
import { Field, FieldSet } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";

/** 采纳 / 部分采纳 / 不采纳 / 说明 and the reason, for one answer, a bulk answer or a group's answer. */
export function DecisionFields({ idPrefix, decision, reason }: { idPrefix: string; decision?: string; reason?: string }) {
  const t = useT();
  return (
    <>
      <FieldSet legend={t("response.decision")}>
        <div className="row-actions">
          {responseDecisions.map((d) => (
            <label key={d}>
              <input type="radio" name="decision" value={d} required defaultChecked={d === decision} /> {t(`response.decision.${d}`)}
            </label>
          ))}
        </div>
      </FieldSet>
      <Field label={t("response.reason")} id={`${idPrefix}-reason`}>
        <textarea name="reason" rows={3} maxLength={2000} defaultValue={reason} />
      </Field>
    </>
  );
}
