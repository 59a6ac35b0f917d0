import { useEffect, useRef, useState } from "react";

interface StreamPage {
  page: { id: string | null; nextId: string | null };
}

/**
 * The pages after the one the URL named, loaded as the reader scrolls towards the end (a sentinel
 * element within 600 px below the screen, or passed), and which page is on screen: the URL is kept on that page
 * (`history.replaceState`, so a reload or a shared link opens where the reader is, and the back
 * button still leaves the reading view). `load` fetches a page's data by its id.
 */
export function usePageStream<P extends StreamPage>(first: P, load: (pageId: string) => Promise<P>, urlOf: (pageId: string) => string) {
  const [more, setMore] = useState<P[]>([]);
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  const [current, setCurrent] = useState<string | null>(first.page.id);
  const sentinel = useRef<HTMLDivElement>(null);
  const pages = [first, ...more];
  const last = pages[pages.length - 1];
  const nextId = last.page.nextId;

  // a new first page (a link in the contents, the back button): start again from it
  useEffect(() => {
    setMore([]);
    setState("idle");
    setCurrent(first.page.id);
  }, [first]);

  useEffect(() => {
    if (!nextId || state !== "idle") return;
    // the sentinel within 600 px below the screen, or already passed (a jump to the end skips over it)
    const near = () => {
      const el = sentinel.current;
      return !!el && el.getBoundingClientRect().top < window.innerHeight + 600;
    };
    let frame = 0;
    const check = () => {
      frame = 0;
      if (!near()) return;
      window.removeEventListener("scroll", onScroll);
      setState("loading");
      load(nextId).then(
        (p) => {
          setMore((m) => [...m, p]);
          setState("idle");
        },
        () => setState("failed"),
      );
    };
    const onScroll = () => {
      frame ||= window.requestAnimationFrame(check);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      window.removeEventListener("scroll", onScroll);
      if (frame) window.cancelAnimationFrame(frame);
    };
  }, [nextId, state, load]);

  // the page whose top is above the upper third of the screen and lowest is the one being read
  useEffect(() => {
    if (!more.length) return;
    const onScroll = () => {
      let seen: string | null = null;
      for (const el of document.querySelectorAll<HTMLElement>("[data-reader-page]"))
        if (el.getBoundingClientRect().top < window.innerHeight / 3) seen = el.dataset.readerPage ?? null;
      if (seen && seen !== current) {
        setCurrent(seen);
        window.history.replaceState(window.history.state, "", urlOf(seen));
      }
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, [more, current, urlOf]);

  return { pages, state, current, sentinel };
}
