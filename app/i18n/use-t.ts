import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "~db/schema/enums";
import { defaultLocale, translator } from "./index";

/** The translator for the page's language (from the root loader). */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return data?.locale ?? defaultLocale;
}

export function useT() {
  return translator(useLocale());
}
