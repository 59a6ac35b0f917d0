import { createContext, type FormEvent, useContext } from "react";

/**
 * How the comment forms submit when the page has JavaScript: the reading view provides a handler that
 * posts to a small resource route with a fetcher and refreshes only that section's threads. Without a
 * handler (or without JavaScript) the forms post to the page as before.
 */
export const ThreadSubmitContext = createContext<((event: FormEvent<HTMLFormElement>) => void) | null>(null);

/** Call from a form's onSubmit after its own checks (a cancelled confirm leaves the event prevented). */
export function useThreadSubmit() {
  const handler = useContext(ThreadSubmitContext);
  return (event: FormEvent<HTMLFormElement>) => {
    if (!event.defaultPrevented) handler?.(event);
  };
}
