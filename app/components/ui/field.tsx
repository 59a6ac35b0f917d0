// One labelled form control: the label, the control, an optional hint and the server's error message (already in
// the user's language), wired for assistive technology — htmlFor/id, aria-describedby naming the hint and the error,
// aria-invalid while there is an error. Pages write <Field label=… error=…><input name="…" /></Field>.
import { type AriaAttributes, Children, cloneElement, type ReactElement, type ReactNode, useId } from "react";

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

/** The hint and the error under a control or a group, and the aria-describedby that names those shown. */
function Notes({ ids, hint, error }: { ids: ReturnType<typeof fieldIds>; hint?: ReactNode; error?: string | null }) {
  return (
    <>
      {hint ? (
        <span className="field-hint" id={ids.hint}>
          {hint}
        </span>
      ) : null}
      <FieldError id={ids.error} error={error} />
    </>
  );
}

const describedBy = (ids: ReturnType<typeof fieldIds>, hint: ReactNode, error: string | null | undefined, own?: string) =>
  [own, hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ") || undefined;

export function Field({ label, children, id, hint, error, required, className, after }: FieldProps) {
  const generated = useId();
  const control = Children.only(children);
  const controlId = id ?? control.props.id ?? `f${generated.replace(/:/g, "")}`;
  const ids = fieldIds(controlId);
  const isRequired = required ?? control.props.required;
  const wired = cloneElement(control, {
    id: controlId,
    required: isRequired || undefined,
    "aria-describedby": describedBy(ids, hint, error, control.props["aria-describedby"]),
    "aria-invalid": error ? true : undefined,
  });
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={controlId}>{label}</label>
      {wired}
      {after}
      <Notes ids={ids} hint={hint} error={error} />
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
}: {
  legend: ReactNode;
  children: ReactNode;
  id?: string;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
}) {
  const generated = useId();
  const ids = fieldIds(id ?? `g${generated.replace(/:/g, "")}`);
  return (
    <fieldset className={className ? `field ${className}` : "field"} id={id} aria-describedby={describedBy(ids, hint, error)}>
      <legend>{legend}</legend>
      {children}
      <Notes ids={ids} hint={hint} error={error} />
    </fieldset>
  );
}
