// A case checked out, on its page: to a colleague (and to its holder online) it reads "Checked out
// by … since … until …" and every control that would change it is disabled, since the team
// database refuses any change until it is checked in or a lead releases it. Offline, the copy
// says how long it is out; a copy being checked in is frozen.
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';
import { href } from '../../router';
import { leaseText, RISK_TEXT } from '../../../shared/domain/checkout';
import { formatLongDate } from '../../../shared/domain/dates';

export function useCaseLock(reference: string) {
  const state = useQuery({ queryKey: ['checkout', 'case', reference], queryFn: () => call('checkout:case', { reference }) });
  const me = useQuery({ queryKey: ['checkout', 'state'], queryFn: () => call('checkout:state', {}) });
  const lease = state.data?.lease ?? null;
  const copy = state.data?.copy ?? null;
  const offline = me.data?.mode === 'offline';
  // Online, a case out is read-only to everyone; offline, only a copy being checked in is.
  const locked = offline ? copy?.status === 'checking-in' : lease !== null;
  let notice: ReactNode = null;
  if (offline && copy) {
    notice = (
      <div className="govuk-inset-text" data-testid="checkout-notice">
        {copy.status === 'checking-in'
          ? 'This copy is being checked in to the team database and cannot be changed. Check it in again to finish.'
          : `This is the copy checked out to this computer until ${formatLongDate(copy.until)}. Changes made here go to the team database when you check it in.`}{' '}
        <a className="govuk-link" href={href({ name: 'offline' })}>
          Cases checked out
        </a>
      </div>
    );
  } else if (lease) {
    notice = (
      <div className="govuk-notification-banner" role="region" aria-labelledby="checked-out-title" data-testid="checkout-notice">
        <div className="govuk-notification-banner__header">
          <h2 className="govuk-notification-banner__title" id="checked-out-title">
            Read only
          </h2>
        </div>
        <div className="govuk-notification-banner__content">
          <p className="govuk-notification-banner__heading">{leaseText(lease, me.data?.login)}.</p>
          <p className="govuk-body">
            {lease.mine
              ? 'The copy you took is the live one: change the case there and check it in.'
              : 'It can be read but not changed until it is checked in, or a lead releases it.'}
            {lease.risk && <strong className="govuk-!-display-block govuk-!-margin-top-2">This case is {RISK_TEXT[lease.risk]}.</strong>}
          </p>
        </div>
      </div>
    );
  }
  return { locked, notice, lease, copy, mode: me.data?.mode };
}

/** The case's controls, disabled when it may not be changed here. */
export function ReadOnly({ locked, children }: { locked: boolean; children: ReactNode }) {
  if (!locked) return <>{children}</>;
  return (
    <fieldset className="govuk-fieldset app-read-only" disabled>
      {children}
    </fieldset>
  );
}

/** In the case list: a case out, and to whom. */
export function CheckedOutTag({ lease }: { lease: { holderName: string; until: string; risk: string | null } | undefined }) {
  if (!lease) return null;
  return (
    <strong className={`govuk-tag ${lease.risk ? 'govuk-tag--red' : 'govuk-tag--grey'} app-checked-out-tag`}>
      Checked out<span className="govuk-visually-hidden"> by {lease.holderName} until {formatLongDate(lease.until)}</span>
    </strong>
  );
}
