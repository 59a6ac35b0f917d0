// A Remix form whose submission is signed in this browser first (see app/lib/signing.client.ts):
// the payload is built from the form's fields, signed with the device key, and posted with them.
import { Form, useSubmit } from "@remix-run/react";
import { type FormEvent, type ReactNode, useState } from "react";
import { useT } from "~/i18n/use-t";
import type { SignedKind } from "~/lib/hash/signing-payload";
import { signFields } from "~/lib/signing.client";

export type SignContext = { reviewId: string; signerId: string; manifestHash: string; manifestSm3: string };

type Props = {
  kind: SignedKind;
  context: SignContext;
  /** the conclusion and opinion as the server will store them */
  fields: (form: HTMLFormElement) => { conclusion: string; opinion: string };
  children: ReactNode;
  testId: string;
};

export function SignedForm({ kind, context, fields, children, testId }: Props) {
  const t = useT();
  const submit = useSubmit();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    setState({ busy: true, error: null });
    try {
      const values: Record<string, string> = {};
      for (const el of Array.from(form.elements) as HTMLInputElement[]) {
        if (!el.name || el.type === "submit" || ((el.type === "checkbox" || el.type === "radio") && !el.checked)) continue;
        values[el.name] = el.value;
      }
      if (submitter?.name) values[submitter.name] = submitter.value;
      const { conclusion, opinion } = fields(form);
      const signed = await signFields({ ...context, kind, conclusion, opinion });
      submit({ ...values, ...signed }, { method: "post" });
      setState({ busy: false, error: null });
    } catch (e) {
      const message =
        (e as Error).message === "unsupported"
          ? t("signing.unsupported")
          : t("signing.failed", { message: (e as Error).message || String(e) });
      setState({ busy: false, error: message });
    }
  }
  return (
    <Form method="post" data-testid={testId} onSubmit={onSubmit}>
      {children}
      <p className="small muted">{state.busy ? t("signing.working") : t("signing.hint")}</p>
      {state.error ? (
        <p className="field-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </Form>
  );
}

/** The conclusion and opinion of a form with `conclusion` radios and an `opinion` textarea, trimmed as the server trims. */
export function opinionOf(form: HTMLFormElement) {
  const conclusion = (form.querySelector('input[name="conclusion"]:checked') as HTMLInputElement | null)?.value ?? "";
  const opinion = (form.querySelector('textarea[name="opinion"]') as HTMLTextAreaElement | null)?.value.trim() ?? "";
  return { conclusion, opinion };
}
