// Row problems are stored as i18n keys with parameters; this puts them into the reader's language.
import type { MessageKey, Translate } from "~/i18n";
import type { RowProblem } from "./import-check";

export function problemText(t: Translate, p: Pick<RowProblem, "key" | "params">): string {
  return t(p.key as MessageKey, p.params);
}

export function fieldLabel(t: Translate, field: string): string {
  return t(`library.field.${field}` as MessageKey);
}
