import { DomainError } from "~/utils/errors";
import { apiRoute } from "~/utils/api.server";

// Unknown API paths answer in the API's error shape, not with an HTML page.
const notFound = apiRoute(() => {
  throw new DomainError("not_found", "error.notFound");
});
export const loader = notFound;
export const action = notFound;
