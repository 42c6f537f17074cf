// One demo case as the officer worked it: what was done, and when. The case is logged when the
// request comes in, each letter and email is filed as it is sent or arrives, each event is
// recorded (by marking the item that carries it, or by hand), exemptions and estimates are
// decided before the response goes. Each step is an action at a moment in time; the register is
// written by replaying every case's actions in time order, as the app would have seen them.
import { nextWorkingDayOnOrAfter } from '../../../shared/domain/calendar/calendar';
import { dayNumber, isoFromDayNumber } from '../../../shared/domain/calendar/days';
import type { Calendars } from '../../../shared/domain/clocks/clocks';
import type { CaseEvent, CaseEventType } from '../../../shared/domain/clocks/events';
import { MARKABLE_EVENTS, type Channel, type Direction } from '../../../shared/domain/correspondence';
import type { IsoDate } from '../../../shared/domain/dates';
import type { ResponseOutcome } from '../../../shared/domain/status';
import type { AuthoritySettings } from '../../../shared/domain/settings';
import { caseContent, messageText, type Letterhead, type MessageKind } from './content';
import { citations, costLinesFor, exemptionsFor, S16_ADVICE } from './decisions';
import { attachmentSpecs, directSpecs } from './case-files';
import { emailFile, type Mailbox } from './files';
import type { CasePlan } from './plan';
import { Rng } from './random';
import type { DemoWriter } from './writer';

export interface Action {
  ms: number;
  /** Breaks ties: actions planned earlier go first. */
  seq: number;
  run(w: DemoWriter, ms: number): Promise<unknown> | unknown;
}

export interface World {
  seed: string;
  settings: AuthoritySettings;
  actor: string;
  calendars: Calendars;
  today: IsoDate;
  nowMs: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const FROM_REQUESTER: readonly MessageKind[] = ['request', 'clarification-received', 'fee-received', 'id-received', 'review-requested', 'chaser', 'thanks', 'phone'];
const FROM_REGULATOR: readonly MessageKind[] = ['ico-complaint', 'ico-decision', 'tribunal-appeal'];
// Which events keep their item when a case gets fewer items than events: those a bundle needs most.
const PRIORITY: readonly CaseEventType[] = ['responded', 'review-completed', 'review-requested', 'ico-decision', 'ico-complaint', 'tribunal-appeal', 'clarification-sought', 'clarification-received', 'fees-notice', 'fee-received', 'id-requested', 'id-received', 'pit-extension', 'eir-extension', 'sar-extension', 'acknowledged'];

interface Item {
  date: IsoDate;
  kind: MessageKind;
  event: CaseEvent | null;
  message: boolean;
}

/** The items of a case in date order: the request, its events, and chasers, calls and thanks to make up `budget`. */
function itemsOf(plan: CasePlan, rng: Rng, clock: Rng, today: IsoDate): Item[] {
  const { story } = plan;
  let budget = plan.messages;
  const request: Item = { date: story.received, kind: 'request', event: null, message: budget > 0 };
  if (request.message) budget--;
  const items: Item[] = story.events.map((e) => ({ date: e.date, kind: e.type, event: e, message: false }));
  for (const type of PRIORITY) {
    for (const it of items) {
      if (it.kind !== type || budget === 0) continue;
      it.message = true;
      budget--;
    }
  }
  const responded = story.events.find((e) => e.type === 'responded')?.date ?? null;
  const lastDate = story.events.at(-1)?.date ?? story.received;
  const end = Math.min(dayNumber(today), dayNumber(lastDate) + 20);
  for (; budget > 0; budget--) {
    const date = isoFromDayNumber(clock.int(dayNumber(story.received), end));
    const kind = responded !== null && date > responded ? rng.pick(['thanks', 'chaser', 'update'] as const) : rng.pick(['chaser', 'chaser-reply', 'phone', 'update'] as const);
    items.push({ date, kind, event: null, message: true });
  }
  const sorted = items.map((it, i) => ({ it, i })).sort((a, b) => (a.it.date < b.it.date ? -1 : a.it.date > b.it.date ? 1 : a.i - b.i));
  return [request, ...sorted.map((x) => x.it)];
}

/** The actions of one case, numbered from `seq`. */
export function caseActions(plan: CasePlan, world: World, seq: number): Action[] {
  const { story } = plan;
  const rng = new Rng(`${world.seed}/content/${plan.index}`);
  const clock = new Rng(`${world.seed}/time/${plan.index}`);
  const content = caseContent(rng, story.regime, story.received);
  const cal = story.regime === 'foisa' || story.regime === 'eisr' ? world.calendars.scotland : world.calendars.allUk;
  const responded = story.events.find((e) => e.type === 'responded') ?? null;
  const outcome = (responded?.outcome ?? null) as ResponseOutcome | null;
  const exemptions = exemptionsFor(rng, story.regime, outcome, world.actor, responded?.date ?? story.received);
  const held = { id: 0, reference: '' };
  const actions: Action[] = [];
  let last = 0;

  const dayStart = (d: IsoDate) => dayNumber(d) * DAY;
  /** A moment on `d` between two times of day (in minutes), never later than now. */
  const at = (d: IsoDate, from: number, to: number) => {
    const ms = dayStart(d) + clock.int(from, to) * MINUTE + clock.int(0, 59) * 1000;
    return d === world.today ? Math.max(dayStart(d) + MINUTE, Math.min(ms, world.nowMs - clock.int(1, 50) * MINUTE)) : ms;
  };
  /** When the officer gets to something that arrived at `ms`: later that working day, else the next one. */
  const officerAfter = (ms: number) => {
    const d = isoFromDayNumber(Math.floor(ms / DAY));
    const soon = ms + clock.int(5, 90) * MINUTE;
    if (cal.isWorkingDay(d) && soon - dayStart(d) < 17 * 60 * MINUTE) return Math.min(soon, Math.max(ms, world.nowMs - MINUTE));
    const next = nextWorkingDayOnOrAfter(cal, isoFromDayNumber(dayNumber(d) + 1));
    return next > world.today ? Math.min(soon, Math.max(ms, world.nowMs - MINUTE)) : at(next, 8 * 60 + 20, 10 * 60 + 30);
  };
  const push = (ms: number, run: Action['run']) => {
    last = Math.max(ms, last + clock.int(1, 6) * MINUTE);
    actions.push({ ms: last, seq: seq++, run });
  };
  const letterhead = (date: IsoDate, event: CaseEvent | null): Letterhead => ({
    reference: held.reference, regime: story.regime, received: story.received, content, date,
    authority: world.settings.name || 'the council', signatory: world.settings.signatoryName || 'Information Governance Officer',
    outcome: (event?.outcome ?? (event?.type === 'review-requested' ? outcome : null)) as Letterhead['outcome'], estimate: event?.estimate ?? null, citations: citations(exemptions),
  });
  const requester: Mailbox = { name: content.requester.name, address: content.requester.email };
  const authority: Mailbox = { name: `Information Governance, ${world.settings.name || 'the council'}`, address: world.settings.email };
  const regulator: Mailbox = story.regime === 'foisa' || story.regime === 'eisr'
    ? { name: 'Scottish Information Commissioner', address: 'applications@sic.example.org' }
    : { name: "Information Commissioner's Office", address: 'casework@ico.example.org' };

  const byEmail = content.requester.email !== '';
  const requestChannel: Channel = byEmail ? rng.weighted([['email', 6], ['portal', 3]]) : 'post';
  const requestSent = at(story.received, 7 * 60, 21 * 60);
  const loggedOn = requestChannel === 'post' ? at(nextWorkingDayOnOrAfter(cal, story.received), 8 * 60 + 30, 15 * 60) : officerAfter(requestSent);
  push(loggedOn, async (w, ms) => {
    Object.assign(held, await w.createCase(ms, { regime: story.regime, received: story.received, requester: content.requester, summary: content.summary, requestText: content.requestText }));
  });

  for (const [k, it] of itemsOf(plan, rng, clock, world.today).entries()) {
    const fromRegulator = FROM_REGULATOR.includes(it.kind);
    const direction: Direction = FROM_REQUESTER.includes(it.kind) || fromRegulator ? 'in' : 'out';
    const sent = it.kind === 'request' ? requestSent : direction === 'in' ? at(it.date, 7 * 60, 21 * 60) : at(it.date, 8 * 60 + 30, 16 * 60 + 45);
    if (it.kind === 'responded') {
      for (const e of exemptions) push(sent - 40 * MINUTE, (w, ms) => w.exemption(ms, held.id, e));
      if (outcome === 's12') {
        const lines = costLinesFor(rng, story.regime, content.team);
        push(sent - 30 * MINUTE, (w, ms) => w.estimate(ms, held.id, story.regime, world.settings.centralGovernment, lines));
        push(sent - 20 * MINUTE, (w, ms) => w.advice(ms, held.id, S16_ADVICE));
      }
    }
    const filed = { id: 0, subject: '' };
    if (it.message) {
      const channel: Channel = it.kind === 'phone' ? 'phone' : it.kind === 'request' ? requestChannel : fromRegulator || byEmail ? 'email' : 'post';
      const specs = attachmentSpecs(rng, it.kind, outcome, exemptions);
      const imported = channel === 'email' && (direction === 'in' || authority.address !== '') && (specs.length > 0 || rng.chance(0.02));
      const other = fromRegulator ? regulator : requester;
      const [from, to] = direction === 'in' ? [other, authority] : [authority, other];
      const whole = Math.floor(sent / 1000) * 1000;
      push(it.kind === 'request' ? last : direction === 'out' ? sent + clock.int(2, 25) * MINUTE : officerAfter(sent), (w, ms) => {
        const h = letterhead(it.date, it.event);
        const text = messageText(it.kind, h);
        filed.subject = text.subject;
        if (imported) {
          const email = emailFile({ from, to, subject: text.subject, sentMs: whole, messageId: `${plan.index}.${k}.${held.reference.replace(/[^A-Za-z0-9]/g, '')}@demo.example.org`, body: text.body, files: specs.map((s) => s(h)) });
          filed.id = w.importEmail(ms, held.id, direction, email, `${text.subject.replace(/[^\p{L}\p{N} -]+/gu, '').slice(0, 60).trim() || 'message'}.eml`);
          return;
        }
        const show = (m: Mailbox) => (channel === 'email' && m.address ? (m.name ? `${m.name} <${m.address}>` : m.address) : m.name);
        const sentAt = channel === 'post' ? it.date : new Date(whole).toISOString();
        filed.id = w.logMessage(ms, held.id, { direction, channel, sentAt, from: show(from), to: show(to), subject: text.subject, body: text.body });
      });
    }
    const e = it.event;
    if (e) {
      // An item can be marked as its event, except a response or review outcome, whose outcome is recorded by hand.
      const mark = it.message && MARKABLE_EVENTS.includes(e.type) && e.type !== 'responded' && e.type !== 'review-completed';
      push(mark ? last : officerAfter(sent), (w, ms) => w.recordEvent(ms, held.id, e, mark ? { correspondenceId: filed.id, subject: filed.subject } : undefined));
    }
    if (it.kind === 'responded') {
      for (const { spec, role } of directSpecs(rng, outcome, exemptions)) push(last, (w, ms) => w.addFile(ms, held.id, spec(letterhead(it.date, it.event)), role));
    }
  }
  return actions;
}
