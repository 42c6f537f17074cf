// The frame of every screen: skip link, header with navigation, a main landmark whose heading
// takes focus after each navigation so screen-reader users hear where they are.
import { useEffect, useRef, type ReactNode } from 'react';
import { href, type Route } from '../router';
import { OpenedFiles } from '../features/correspondence/OpenedFiles';
import { CheckoutBanner, CheckoutNavItem } from '../features/checkout/CheckoutBanner';

export function Layout({ route, authority, title, children }: { route: Route; authority: string; title: string; children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    document.title = `${title} – Disclose`;
    // On start-up focus stays at the top, so the first Tab reaches the skip link; after that,
    // each navigation moves focus to the new page's heading.
    if (firstRender.current) firstRender.current = false;
    // Unless the new page has already put focus somewhere in it (a search hit opening its item).
    else if (!mainRef.current?.contains(document.activeElement)) mainRef.current?.querySelector('h1')?.focus();
  }, [title]);
  const current = (names: Route['name'][]) => (names.includes(route.name) ? 'page' : undefined);
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" onClick={(e) => {
        e.preventDefault();
        mainRef.current?.querySelector('h1')?.focus();
      }}>
        Skip to main content
      </a>
      <header className="app-header">
        <div className="govuk-width-container app-header__inner">
          <a className="app-header__name" href={href({ name: 'cases' })}>
            Disclose
          </a>
          <nav aria-label="Main">
            <ul className="app-nav">
              <li>
                <a href={href({ name: 'cases' })} aria-current={current(['cases', 'case', 'edit'])}>
                  Cases
                </a>
              </li>
              <li>
                <a href={href({ name: 'new' })} aria-current={current(['new'])}>
                  New request
                </a>
              </li>
              <li>
                <a href={href({ name: 'search', query: '' })} aria-current={current(['search'])}>
                  Search
                </a>
              </li>
              <CheckoutNavItem current={current(['offline', 'kept'])} />
              <li>
                <a href={href({ name: 'settings' })} aria-current={current(['settings'])}>
                  Settings
                </a>
              </li>
            </ul>
          </nav>
          {authority && <span className="app-header__authority">{authority}</span>}
        </div>
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" ref={mainRef}>
          <OpenedFiles />
          <CheckoutBanner />
          {children}
        </main>
      </div>
    </>
  );
}
