// Which events a case of each regime can record, and the order a timeline's events must keep to
// make sense: an answer follows its question, a review follows a response, an appeal follows a
// decision notice. The form offers only the recordable events; the demo register is checked
// against the whole list, so that it holds no timeline an officer could not have recorded.
import type { IsoDate } from '../dates';
import { RESPONSE_OUTCOMES, REVIEW_OUTCOMES } from '../statistics';
import type { CaseEvent, CaseEventType, Regime } from './events';

/** The events each regime has: only its own extensions, identity steps and reviews. */
export function recordableEvents(regime: Regime): CaseEventType[] {
  const common: CaseEventType[] = ['acknowledged', 'clarification-sought', 'clarification-received'];
  const fees: CaseEventType[] = ['fees-notice', 'fee-received'];
  const ext: Record<Regime, CaseEventType[]> = {
    foia: ['pit-extension'], eir: ['eir-extension'], eisr: ['eir-extension'], foisa: [], sar: ['sar-extension'],
  };
  const identity: CaseEventType[] = regime === 'sar' ? ['id-requested', 'id-received'] : [];
  const review: CaseEventType[] = regime === 'sar' ? [] : ['review-requested', 'review-completed'];
  return [...common, ...identity, ...fees, ...ext[regime], 'responded', ...review, 'ico-complaint', 'ico-decision', ...(regime === 'sar' ? [] : ['tribunal-appeal' as const]), 'closed'];
}

/** Each answer and the event that must come before it (on the same day or earlier). */
const NEEDS: Partial<Record<CaseEventType, { after: CaseEventType[]; why: string }>> = {
  'clarification-received': { after: ['clarification-sought'], why: 'a clarification arrives only after it was sought (FOIA s1(3))' },
  'fee-received': { after: ['fees-notice'], why: 'a fee is paid only after a fees notice (FOIA s9(1))' },
  'id-received': { after: ['id-requested'], why: 'proof of identity follows the request for it (UK GDPR Art 12(6))' },
  'review-completed': { after: ['review-requested'], why: 'a review outcome follows the request for review' },
  'ico-decision': { after: ['ico-complaint'], why: 'a decision notice follows a complaint (FOIA s50)' },
  'tribunal-appeal': { after: ['ico-decision'], why: 'an appeal is against a decision notice (FOIA s57)' },
};

const EXTENSIONS: readonly CaseEventType[] = ['pit-extension', 'eir-extension', 'sar-extension'];

/**
 * What is wrong with a timeline, one sentence each (empty when nothing is). `events` exclude the
 * 'received' event, in the order recorded; voided events are ignored, as the clocks ignore them.
 */
export function sequenceProblems(regime: Regime, received: IsoDate, events: readonly CaseEvent[], today?: IsoDate): string[] {
  const problems: string[] = [];
  const allowed = recordableEvents(regime);
  const live = events.filter((e) => e.voided !== true);
  const seen = new Map<CaseEventType, IsoDate>();
  let responded: IsoDate | null = null;
  for (const e of live) {
    const at = `${e.type} on ${e.date}`;
    if (!allowed.includes(e.type)) problems.push(`${at}: not an event a ${regime.toUpperCase()} case records`);
    if (e.date < received) problems.push(`${at}: before the request was received (${received})`);
    if (today !== undefined && e.date > today) problems.push(`${at}: after today (${today})`);
    if ((e.estimate ?? null) !== null && e.type !== 'pit-extension') problems.push(`${at}: an estimated date goes only with a public interest extension`);
    if (e.type === 'pit-extension' && (!e.estimate || e.estimate < e.date)) problems.push(`${at}: needs an estimated date on or after the notice (FOIA s17(2))`);
    const outcomes: readonly string[] = e.type === 'responded' ? RESPONSE_OUTCOMES : e.type === 'review-completed' ? REVIEW_OUTCOMES : [];
    if ((e.outcome ?? null) !== null && !outcomes.includes(e.outcome!)) problems.push(`${at}: outcome ${e.outcome} does not go with this event`);
    const need = NEEDS[e.type];
    if (need && !need.after.some((t) => (seen.get(t) ?? '9999') <= e.date)) problems.push(`${at}: out of order: ${need.why}`);
    if (EXTENSIONS.includes(e.type) && responded !== null && responded <= e.date) problems.push(`${at}: an extension notice comes before the response`);
    if (e.type === 'review-requested' && responded === null && (regime === 'foia' || regime === 'sar')) problems.push(`${at}: a review is of a response, and none was given`);
    if (e.type === 'responded') responded ??= e.date;
    if (!seen.has(e.type) || seen.get(e.type)! > e.date) seen.set(e.type, e.date);
  }
  return problems;
}
