import { useQuery } from '@tanstack/react-query';
import { call } from './api';
import { useRoute, type Route } from './router';
import { Layout } from './components/Layout';
import { CaseList } from './features/cases/CaseList';
import { NewCase, EditCase } from './features/cases/CaseForm';
import { CaseView } from './features/cases/CaseView';
import { SettingsForm } from './features/settings/Settings';
import { Search } from './features/search/Search';
import { ErrorTitle } from './components/ErrorSummary';
import { Offline } from './features/checkout/Offline';
import { KeptAside } from './features/checkout/KeptAside';
import { openingStep } from '../shared/ipc/features/app';

function title(route: Route): string {
  switch (route.name) {
    case 'cases':
      return 'Cases';
    case 'new':
      return 'Log a new request';
    case 'settings':
      return 'Settings';
    case 'search':
      return 'Search';
    case 'case':
      return route.reference;
    case 'edit':
      return `Edit ${route.reference}`;
    case 'offline':
      return 'Cases checked out';
    case 'kept':
      return `Copy kept aside #${route.id}`;
  }
}

/**
 * Shown until the case files are open: usually a moment; after an update of Disclose, the upgrade
 * of a register of many years can take minutes, and the window says which step it is on.
 */
function Opening() {
  const opening = useQuery({ queryKey: ['app-opening'], queryFn: () => call('app:opening', {}), refetchInterval: 1000, retry: false });
  const p = opening.data;
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Opening the case files…</h1>
        {/* Only the step is announced as it changes; the advice below it is read once. */}
        <p className="govuk-body" role="status">
          {p?.opening && p.total > 0 ? `${openingStep(p)}.` : 'Loading…'}
        </p>
        {p?.opening && p.total > 0 && (
          <p className="govuk-body">A register of many years can take a few minutes. Keep Disclose open until it is done; nothing is lost if the computer stops meanwhile.</p>
        )}
      </main>
    </div>
  );
}

export function App() {
  const route = useRoute();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings:get', {}) });
  if (settings.isPending) return <Opening />;
  if (settings.isError) {
    return (
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper">
          <ErrorTitle />
          <h1 className="govuk-heading-l">Disclose cannot reach its case files</h1>
          <p className="govuk-body">{settings.error.message}</p>
        </main>
      </div>
    );
  }
  // First run: the authority is set up before anything else, so every letter has a sender.
  if (!settings.data.configured) {
    return (
      <Layout route={{ name: 'settings' }} authority="" title="Set up Disclose">
        <SettingsForm settings={settings.data} firstRun />
      </Layout>
    );
  }
  return (
    <Layout route={route} authority={settings.data.name} title={title(route)}>
      {route.name === 'cases' && <CaseList />}
      {route.name === 'new' && <NewCase />}
      {route.name === 'case' && <CaseView key={`${route.reference}|${route.tab ?? ''}|${route.focus ?? ''}`} reference={route.reference} initialTab={route.tab} focus={route.focus} />}
      {route.name === 'edit' && <EditCase reference={route.reference} />}
      {route.name === 'settings' && <SettingsForm settings={settings.data} firstRun={false} />}
      {route.name === 'search' && <Search initial={route.query} />}
      {route.name === 'offline' && <Offline />}
      {route.name === 'kept' && <KeptAside id={route.id} />}
    </Layout>
  );
}
