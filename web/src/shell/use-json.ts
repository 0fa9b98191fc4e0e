// Fetches JSON for a URL, aborting the previous request when the URL changes (the date slider moves fast).
import { useEffect, useState } from 'react';

export type Loaded<T> = { data: T | undefined; error: string | undefined; loading: boolean };

export function useJson<T>(url: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: url !== null });
  useEffect(() => {
    if (url === null) return;
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    fetch(url, { signal: ctrl.signal })
      .then(async (res) => {
        const body = (await res.json()) as T & { error?: { message: string } };
        if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
        setState({ data: body, error: undefined, loading: false });
      })
      .catch((e: unknown) => {
        if (ctrl.signal.aborted) return;
        setState((s) => ({ data: s.data, error: (e as Error).message, loading: false }));
      });
    return () => ctrl.abort();
  }, [url]);
  return state;
}

export const withDate = (path: string, asOf: string, knownAt: string | null): string => {
  const p = new URLSearchParams({ asOf });
  if (knownAt) p.set('knownAt', knownAt);
  return `${path}${path.includes('?') ? '&' : '?'}${p.toString()}`;
};
