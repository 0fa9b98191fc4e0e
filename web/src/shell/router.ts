// A small History-API router: the path picks the page, `?asOf=` and `?knownAt=` travel with every link.
import { useCallback, useEffect, useState } from 'react';

export type Location = { readonly path: string; readonly params: URLSearchParams };

const read = (): Location => ({
  path: window.location.pathname,
  params: new URLSearchParams(window.location.search),
});

export function useLocation(): [
  Location,
  (path: string, params?: Record<string, string | null>, replace?: boolean) => void,
] {
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    const onPop = () => setLoc(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback(
    (path: string, params: Record<string, string | null> = {}, replace = false) => {
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(params)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      const qs = next.toString();
      const url = `${path}${qs ? `?${qs}` : ''}`;
      if (replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      setLoc(read());
      if (!replace) window.scrollTo(0, 0);
    },
    [],
  );
  return [loc, navigate];
}

/** Turns a plain left click on an internal link into client-side navigation. */
export function linkHandler(navigate: (path: string) => void) {
  return (e: React.MouseEvent<HTMLElement>) => {
    const a = (e.target as Element).closest('a');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    const href = a.getAttribute('href');
    if (!href || !href.startsWith('/') || href.startsWith('/api/') || a.hasAttribute('download') || a.target)
      return;
    e.preventDefault();
    const url = new URL(href, window.location.origin);
    window.history.pushState(null, '', url.pathname + url.search);
    navigate(url.pathname);
  };
}
