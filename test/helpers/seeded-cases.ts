// Seeded cases of every regime and stage (mulberry32, so a failure names the case that showed it):
// each takes a random few of the events a case meets, in order, at increasing dates, and stops at a
// random stage, so that open, on-hold, extended, answered, under review, with the regulator and at
// tribunal are all met.
import type { CaseEvent, CaseEventType, Regime } from '../../src/shared/domain/clocks/events';
import { RESPONSE_OUTCOMES } from '../../src/shared/domain/status';
import { addCalendarDays } from '../../src/shared/domain/dates';
import { random } from '../hostile/make-corpus-bytes';

export const SEEDED_REGIMES: Regime[] = ['foia', 'eir', 'foisa', 'eisr', 'sar'];
// Event kinds in the order a case meets them; each case takes a random few, at increasing dates.
const ORDER: CaseEventType[][] = [
  ['acknowledged'],
  ['clarification-sought', 'fees-notice', 'id-requested'],
  ['clarification-received', 'fee-received', 'id-received'],
  ['pit-extension', 'eir-extension', 'sar-extension'],
  ['responded'],
  ['review-requested'],
  ['review-completed'],
  ['ico-complaint'],
  ['ico-decision'],
  ['tribunal-appeal'],
  ['closed'],
];

const EXTENSION: Record<Regime, CaseEventType | undefined> = { foia: 'pit-extension', foisa: undefined, eir: 'eir-extension', eisr: 'eir-extension', sar: 'sar-extension' };

export function seededCase(seed: number): { regime: Regime; received: string; events: CaseEvent[] } {
  const r = random(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const regime = pick(SEEDED_REGIMES);
  const received = addCalendarDays('2024-01-02', Math.floor(r() * 900));
  const events: CaseEvent[] = [];
  let date = received;
  // Stop at a random stage, so that open, on-hold, extended and every later stage are all met.
  const stages = Math.floor(r() * (ORDER.length + 1));
  for (let i = 0; i < stages; i++) {
    if (r() < 0.35) continue;
    date = addCalendarDays(date, 1 + Math.floor(r() * (i === 3 ? 15 : 30)));
    // The extension each regime has (FOIA s10(3) public interest; EIR/EISR reg 7; UK GDPR Art 12(3)).
    const type = i === 3 ? EXTENSION[regime] : pick(ORDER[i]!);
    if (type === undefined) continue;
    const e: CaseEvent = { type, date };
    if (type === 'pit-extension') e.estimate = addCalendarDays(date, 10 + Math.floor(r() * 30));
    if (type === 'responded') e.outcome = pick(RESPONSE_OUTCOMES);
    if (type === 'review-completed') e.outcome = pick(['upheld', 'partly-upheld', 'overturned']);
    events.push(e);
  }
  return { regime, received, events };
}
