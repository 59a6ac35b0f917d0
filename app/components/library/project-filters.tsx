// The project type and status drop-downs of the library's filter rows (a plan's library, the consolidated one, the lookup).
import { FilterSelect, optionsOf } from "~/components/ui/filter-select";
import { useT } from "~/i18n/use-t";
import { projectStatuses, projectTypes } from "~/lib/projects/fields";

export function TypeFilter({ value, any }: { value?: string | null; any?: string }) {
  const t = useT();
  return (
    <FilterSelect
      name="type"
      label={t("library.field.type")}
      value={value}
      any={any ?? t("library.filter.allTypes")}
      options={optionsOf(projectTypes, (ty) => t(`library.type.${ty}`))}
    />
  );
}

export function StatusFilter({ value }: { value?: string | null }) {
  const t = useT();
  return (
    <FilterSelect
      name="status"
      label={t("library.field.status")}
      value={value}
      any={t("library.filter.allStatuses")}
      options={optionsOf(projectStatuses, (s) => t(`library.status.${s}`))}
    />
  );
}
