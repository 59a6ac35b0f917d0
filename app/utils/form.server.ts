import { data } from "@remix-run/node";
import { ZodError } from "zod";
import type { Locale } from "~db/schema";
import { translate } from "~/i18n";
import { DomainError } from "./errors";
import { errorHeaders, zodIssues } from "./http.server";

export interface FormFailure {
  intent?: string;
  formError: string;
  fieldErrors: Record<string, string>;
}

/**
 * Runs a form's domain call. Expected failures come back as a 4xx with a form-level message and
 * per-field messages in the user's language; anything unexpected is thrown on.
 */
export async function formAction<T>(locale: Locale, intent: string, fn: () => T | Promise<T>) {
  try {
    return { ok: true as const, intent, result: await fn() };
  } catch (e) {
    if (e instanceof ZodError) {
      const fieldErrors = Object.fromEntries(zodIssues(e, locale).map((i) => [i.path, i.message]));
      return data({ ok: false as const, intent, formError: translate(locale, "error.invalid"), fieldErrors }, { status: 400 });
    }
    if (e instanceof DomainError) {
      const message = translate(locale, e.messageKey, e.params);
      const fieldErrors = Object.fromEntries(
        (e.extra.issues ?? []).map((i) => [i.path, i.message ? translateMaybe(locale, i.message) : message]),
      );
      return data({ ok: false as const, intent, formError: message, fieldErrors }, { status: e.status, headers: errorHeaders(e) });
    }
    throw e;
  }
}

function translateMaybe(locale: Locale, message: string) {
  return message.includes(".") && !message.includes(" ") ? translate(locale, message as Parameters<typeof translate>[1]) : message;
}
