import { data } from "@remix-run/node";

// Unknown pages: the root ErrorBoundary shows a proper 404 in the user's language.
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
