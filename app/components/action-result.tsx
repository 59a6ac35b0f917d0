/** The outcome of a form action (see utils/form.server.ts): a success message or the error to fix. */
export function ActionResult({
  result,
  testId,
}: {
  result: { ok: true; result: unknown } | { ok: false; formError: string } | undefined;
  testId: string;
}) {
  if (!result) return null;
  return (
    <div className={`alert ${result.ok ? "alert--ok" : "alert--error"}`} role="status" data-testid={testId}>
      {result.ok ? String(result.result) : result.formError}
    </div>
  );
}
