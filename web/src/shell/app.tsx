// The application shell: navigation, the date bar, and the page for the current path.
import { useMemo } from 'react';
import { useLocation, linkHandler } from './router.ts';
import { DateBar, isDate } from './date-bar.tsx';
import { MapPage } from '../map/map-page.tsx';
import { JurisdictionPage } from '../jurisdiction/jurisdiction-page.tsx';
import { CampaignPage } from '../campaign/campaign-page.tsx';
import { ReviewPage } from '../review/review-page.tsx';
import { ExportsPage } from '../exports/exports-page.tsx';
import { RespondPage } from '../respond/respond-page.tsx';
import { LoginPage } from '../account/login-page.tsx';

export const DEFAULT_AS_OF = '2018-02-24';

export type PageProps = { asOf: string; knownAt: string | null; navigate: (path: string) => void };

const NAV: [string, string][] = [
  ['/', 'Map'],
  ['/campaign', 'Campaign'],
  ['/review', 'Review'],
  ['/exports', 'Exports & API'],
];

export function App() {
  const [loc, navigate] = useLocation();
  const asOfParam = loc.params.get('asOf') ?? '';
  const asOf = isDate(asOfParam) ? asOfParam : DEFAULT_AS_OF;
  const knownAtParam = loc.params.get('knownAt') ?? '';
  const knownAt = isDate(knownAtParam) ? knownAtParam : null;
  const go = (path: string) => navigate(path);
  const qs = useMemo(() => {
    const p = new URLSearchParams({ asOf });
    if (knownAt) p.set('knownAt', knownAt);
    return `?${p.toString()}`;
  }, [asOf, knownAt]);

  const props: PageProps = { asOf, knownAt, navigate: go };
  let page;
  if (loc.path.startsWith('/j/'))
    page = <JurisdictionPage {...props} id={decodeURIComponent(loc.path.slice(3))} />;
  else if (loc.path === '/campaign') page = <CampaignPage {...props} />;
  else if (loc.path === '/review') page = <ReviewPage />;
  else if (loc.path === '/exports') page = <ExportsPage {...props} />;
  else if (loc.path.startsWith('/respond/'))
    page = <RespondPage token={decodeURIComponent(loc.path.slice('/respond/'.length))} />;
  else if (loc.path === '/login') page = <LoginPage onDone={() => navigate('/campaign')} />;
  else page = <MapPage {...props} />;

  return (
    <div className="app" onClick={linkHandler(go)}>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href={`/${qs}`}>
          Accordance
        </a>
        <nav aria-label="Main">
          {NAV.map(([path, label]) => (
            <a
              key={path}
              href={`${path}${qs}`}
              aria-current={
                (path === '/' ? loc.path === '/' : loc.path.startsWith(path)) ? 'page' : undefined
              }
            >
              {label}
            </a>
          ))}
        </nav>
        <DateBar asOf={asOf} onChange={(d) => navigate(loc.path, { asOf: d }, true)} />
        {knownAt && (
          <p className="known-at" role="note">
            Showing the record as it stood on {knownAt}.{' '}
            <button type="button" onClick={() => navigate(loc.path, { knownAt: null }, true)}>
              Show everything on record
            </button>
          </p>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
      <footer className="foot">
        Every fact is tied to its source. Public records about governments only; no personal data.{' '}
        <a href="/api/docs">API</a> · <a href="/login">Sign in</a>
      </footer>
    </div>
  );
}
