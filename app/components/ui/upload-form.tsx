// The one-file upload form of the Word import, the project spreadsheet import and /verify: a labelled file
// input that takes one kind of file, and the button that sends it (multipart, to the page's own action).
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field } from "./field";

/** What the file inputs accept: the extension and the media type, for every browser's file picker. */
export const ACCEPT = {
  docx: ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf,.pdf",
} as const;

export function UploadForm({
  id,
  label,
  accept,
  submit,
  busy,
  inline,
  testId,
  submitTestId,
}: {
  id: string;
  label: ReactNode;
  accept: keyof typeof ACCEPT;
  submit: ReactNode;
  busy: boolean;
  /** Input and button on one row. */
  inline?: boolean;
  testId?: string;
  submitTestId?: string;
}) {
  return (
    <Form method="post" encType="multipart/form-data" data-testid={testId} className={inline ? "row-actions" : undefined}>
      <Field label={label} id={id} className={inline ? "field--flush" : undefined}>
        <input name="file" type="file" accept={ACCEPT[accept]} required />
      </Field>
      <button type="submit" className="button" disabled={busy} data-testid={submitTestId}>
        {submit}
      </button>
    </Form>
  );
}
