// The app's state with the team database, on every screen: working offline on the cases checked
// out to this computer; copies waiting to be checked in (or whose check-in was not confirmed);
// cases out that are due within two working days; copies kept aside for a lead to merge.
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';
import { href } from '../../router';
import { RISK_TEXT } from '../../../shared/domain/checkout';
import { formatLongDate } from '../../../shared/domain/dates';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function useCheckoutState() {
  return useQuery({ queryKey: ['checkout', 'state'], queryFn: () => call('checkout:state', {}) });
}

export function CheckoutBanner() {
  const state = useCheckoutState();
  const s = state.data;
  if (!s || s.mode === 'local') return null;
  const out = s.copies.filter((c) => c.status === 'out');
  const pending = s.copies.filter((c) => c.status === 'checking-in');
  const waiting = out.filter((c) => c.changes > 0);
  const lines: string[] = [];
  if (s.mode === 'offline') lines.push(`${plural(out.length + pending.length, 'case')} checked out to this computer from ${s.database ?? 'the team database'}. Changes stay here until you check them in.`);
  else if (out.length) lines.push(`${plural(out.length, 'case')} checked out to this computer${waiting.length ? `, ${plural(waiting.length, 'with changes', 'with changes')} waiting to be checked in` : ''}.`);
  if (pending.length) lines.push(`Check-in pending: ${pending.map((c) => c.reference).join(', ')} ${pending.length === 1 ? 'was' : 'were'} sent but not confirmed. Check in again to finish.`);
  for (const r of s.atRisk) lines.push(`${r.reference} is ${RISK_TEXT[r.risk!]}${r.due ? ` (due ${formatLongDate(r.due)})` : ''}${r.mine ? '' : `: ${r.holderName} has it until ${formatLongDate(r.until)}`}.`);
  if (s.keptAside) lines.push(`${plural(s.keptAside, 'checked-out copy', 'checked-out copies')} came back after ${s.keptAside === 1 ? 'its case was' : 'their cases were'} released, and ${s.keptAside === 1 ? 'waits' : 'wait'} to be merged.`);
  if (lines.length === 0) return null;
  const title = s.mode === 'offline' ? 'Working offline' : pending.length ? 'Check-in pending' : s.atRisk.length ? 'Checked-out cases need attention' : 'Checked out';
  return (
    <div className={`govuk-notification-banner${s.atRisk.length ? ' app-banner--risk' : ''}`} role="region" aria-labelledby="checkout-banner-title" data-testid="checkout-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="checkout-banner-title">
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {lines.map((l) => (
          <p className="govuk-body" key={l}>
            {l}
          </p>
        ))}
        <p className="govuk-body govuk-!-margin-bottom-0">
          <a className="govuk-notification-banner__link" href={href({ name: 'offline' })}>
            Cases checked out
          </a>
        </p>
      </div>
    </div>
  );
}

/** The navigation's link to the cases checked out, on the team database or its copies. */
export function CheckoutNavItem({ current }: { current: 'page' | undefined }) {
  const state = useCheckoutState();
  if (!state.data || state.data.mode === 'local') return null;
  return (
    <li>
      <a href={href({ name: 'offline' })} aria-current={current}>
        {state.data.mode === 'offline' ? 'Offline' : 'Checked out'}
      </a>
    </li>
  );
}
