// Typed domain errors. Domain functions throw them; app/utils/http.server.ts maps them to HTTP
// statuses and to the user's language in one place.
import type { MessageKey } from "~/i18n";

export type ErrorCode =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "too_many_requests"
  // the 报批 gate is not met (409, with the unmet conditions beside the error)
  | "gate_unmet";

export const statusOf: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many_requests: 429,
  gate_unmet: 409,
};

export interface FieldIssue {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly extra: { issues?: FieldIssue[]; details?: Record<string, unknown> } = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "DomainError";
  }
  get status() {
    return statusOf[this.code];
  }
}

export const notFound = (key: MessageKey = "error.notFound") => new DomainError("not_found", key);
export const forbidden = (key: MessageKey = "error.forbidden") => new DomainError("forbidden", key);
export const unauthorized = () => new DomainError("unauthorized", "error.unauthorized");
export const invalid = (issues: FieldIssue[], key: MessageKey = "error.invalid") => new DomainError("invalid", key, {}, { issues });
export const conflict = (key: MessageKey, details?: Record<string, unknown>, params: Record<string, string | number> = {}) =>
  new DomainError("conflict", key, params, { details });
