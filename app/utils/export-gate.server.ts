import { GateFull, gate } from "~/lib/limit/gate";
import { DomainError } from "./errors";

/**
 * File exports built on request (the adoption table as .xlsx or .docx, an edition's .docx not yet cached)
 * go through one bounded queue: two build at once, up to 32 wait, more are answered 429 with Retry-After.
 * See lib/limit/gate.ts for what it bounds.
 */
export const exportGate = gate(2, 32);

export async function underExportGate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await exportGate.run(work);
  } catch (error) {
    if (error instanceof GateFull)
      throw new DomainError("too_many_requests", "error.tooManyRequests", {}, { details: { retryAfterSeconds: 5 } });
    throw error;
  }
}
