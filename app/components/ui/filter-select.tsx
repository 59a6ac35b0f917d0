// A drop-down of a GET filter row (.filters): no visible label — it is named by aria-label and its first option
// ("all types", "any organisation" …) says what it filters — and the current value selected.
import type { ReactNode } from "react";

export type FilterOption = { value: string; label: ReactNode };

/** `options` as {value, label} from a list of values and how each reads. */
export const optionsOf = <T extends string>(values: readonly T[], label: (value: T) => ReactNode = (v) => v): FilterOption[] =>
  values.map((value) => ({ value, label: label(value) }));

export function FilterSelect({
  name,
  label,
  value,
  any,
  options,
}: {
  name: string;
  /** The accessible name. */
  label: string;
  value?: string | null;
  /** The text of the empty option meaning "no filter"; leave out when `options` hold their own. */
  any?: string;
  options: readonly FilterOption[];
}) {
  return (
    <select name={name} defaultValue={value ?? ""} aria-label={label} className="input">
      {any !== undefined ? <option value="">{any}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** The words box (`q`) of a filter row, named by aria-label; the placeholder says what is searched. */
export function FilterQuery({
  label,
  value,
  placeholder,
  maxLength,
  className,
}: {
  label: string;
  value?: string | null;
  placeholder: string;
  maxLength: number;
  className?: string;
}) {
  return (
    <input
      name="q"
      type="search"
      defaultValue={value ?? ""}
      maxLength={maxLength}
      placeholder={placeholder}
      aria-label={label}
      className={className ? `input ${className}` : "input"}
    />
  );
}
