// One labelled form control: the label, the control, an optional hint and the server's error message (already in
// the user's language), wired for assistive technology — htmlFor/id, aria-describedby naming the hint and the error,
// aria-invalid while there is an error. Pages write <Field label=… error=…><input name="…" /></Field>.
import { type AriaAttributes, Children, cloneElement, isValidElement, type ReactElement, type ReactNode, useId } from "react";

type ControlProps = Pick<AriaAttributes, "aria-describedby" | "aria-invalid"> & { id?: string; required?: boolean };

export type FieldProps = {
  label: ReactNode;
  /** The control (input, select, textarea …); it gets id, aria-describedby, aria-invalid and required. */
  children: ReactElement<ControlProps>;
  /** The control's id; a generated one otherwise. Hint and error ids derive from it. */
  id?: string;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  /** Extra classes on the wrapper (e.g. form-grid__wide). */
  className?: string;
  /** Reads the label to screen readers only (dense rows). */
  labelHidden?: boolean;
  /** Shown between the control and the hint (e.g. a <datalist>). */
  after?: ReactNode;
};

/** The ids a field's hint and error carry, so a caller can point at them from elsewhere. */
export const fieldIds = (id: string) => ({ hint: `${id}-hint`, error: `${id}-error` });

/** The error line, also for groups and cells outside a <Field>. */
export function FieldError({ id, error }: { id?: string; error?: string | null }) {
  return error ? (
    <span className="field-error" id={id}>
      {error}
    </span>
  ) : null;
}

export function Field({ label, children, id, hint, error, required, className, labelHidden, after }: FieldProps) {
  const generated = useId();
  const control = Children.only(children);
  const controlId = id ?? control.props.id ?? `f${generated.replace(/:/g, "")}`;
  const ids = fieldIds(controlId);
  const describedBy = [control.props["aria-describedby"], hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ");
  const isRequired = required ?? control.props.required;
  const wired = isValidElement(control)
    ? cloneElement(control, {
        id: controlId,
        required: isRequired || undefined,
        "aria-describedby": describedBy || undefined,
        "aria-invalid": error ? true : undefined,
      })
    : control;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={controlId} className={labelHidden ? "visually-hidden" : undefined}>
        {label}
      </label>
      {wired}
      {after}
      {hint ? (
        <span className="field-hint" id={ids.hint}>
          {hint}
        </span>
      ) : null}
      <FieldError id={ids.error} error={error} />
    </div>
  );
}

/** A group of controls (checkboxes, radios, related amounts) under a legend, with the same hint and error wiring. */
export function FieldSet({
  legend,
  children,
  id,
  hint,
  error,
  className,
  testId,
}: {
  legend: ReactNode;
  children: ReactNode;
  id?: string;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  testId?: string;
}) {
  const generated = useId();
  const ids = fieldIds(id ?? `g${generated.replace(/:/g, "")}`);
  const describedBy = [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ");
  return (
    <fieldset
      className={className ? `field ${className}` : "field"}
      id={id}
      aria-describedby={describedBy || undefined}
      data-testid={testId}
    >
      <legend>{legend}</legend>
      {children}
      {hint ? (
        <span className="field-hint" id={ids.hint}>
          {hint}
        </span>
      ) : null}
      <FieldError id={ids.error} error={error} />
    </fieldset>
  );
}
