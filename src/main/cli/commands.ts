// The commands. Their names, options and JSON fields are a contract: add, never rename.
import type { Channel } from '../../shared/ipc/channels';
import type { Output } from '../../shared/ipc/contract';
import type { Core } from '../core';
import { REGIME_LABELS, STATUS_LABELS, type CaseDetail, type CaseListItem } from '../../shared/domain/cases';
import { standingText } from '../../shared/domain/status';
import { eventLabel } from '../../shared/domain/clocks/events';
import { CLOCK_NAMES } from '../../shared/domain/clocks/clocks';
import { formatLongDate } from '../../shared/domain/dates';
import { CASE_FILTERS, FILTER_LABELS } from '../../shared/domain/reports';
import { CostRuleError, parseCostLineSpec } from '../../shared/domain/costs/s12';
import { formatProvision } from '../../shared/domain/exemptions/catalogue';
import { DiscloseError } from '../../shared/errors';
import { type Options, type Parsed, positional, required, str, UsageError } from './args';
import { REDACTION_COMMANDS, REDACTION_USAGE } from './redaction-commands';
import { RECORDS_COMMANDS, RECORDS_USAGE } from './records-commands';
import { TEAM_CASE_COMMANDS, TEAM_COMMANDS, TEAM_USAGE } from './team-commands';
import { DEMO_COMMANDS, DEMO_USAGE } from './demo-commands';
import { CHECKOUT_COMMANDS, CHECKOUT_USAGE } from './checkout-commands';

export interface CommandContext {
  parsed: Parsed;
  call<C extends Channel>(channel: C, input: unknown): Promise<Output<C>>;
  core: Core;
  /** The current instant (from --today when given). */
  now: Date;
}

export interface Command {
  words: string[];
  options: Options;
  /** Runs without opening the data folder (restore writes a folder that may not exist yet). */
  standalone?: boolean;
  /** Reads files through the parse workers (an import): they are started while the data folder opens. */
  readsFiles?: boolean;
  /** exitCode: non-zero when the command ran but did nothing (an import that added no file); problem goes to stderr. */
  run(ctx: CommandContext): Promise<{ value: unknown; text: string; exitCode?: number; problem?: string; afterPrint?: () => Promise<void> }>;
}

const REQUESTER_OPTIONS = {
  requester: { type: 'string' },
  email: { type: 'string' },
  address: { type: 'string' },
  organisation: { type: 'string' },
  summary: { type: 'string' },
  text: { type: 'string' },
} as const satisfies Options;

/** "\n" typed on a command line arrives as backslash-n: accept it as a line break in addresses. */
const lines = (s: string | undefined) => s?.replace(/\\n/g, '\n');

export function caseText(c: CaseDetail): string {
  const out = [
    `${c.reference}  ${REGIME_LABELS[c.regime]}  ${standingText(c.standing)}`,
    `Requester: ${c.requester.name}${c.requester.organisation ? ` (${c.requester.organisation})` : ''}${c.requester.email ? ` <${c.requester.email}>` : ''}`,
    `Received:  ${formatLongDate(c.received)}`,
    c.deadline && c.daysLeft !== null
      ? `Due:       ${formatLongDate(c.deadline.due)}, ${c.deadline.label} (${c.daysLeft >= 0 ? `${c.daysLeft} days left` : `${-c.daysLeft} days overdue`})${c.clocks.response.provisional ? ' provisional' : ''}`
      : `Response:  due ${formatLongDate(c.dueDate)} [${c.clocks.response.status}]; no deadline in force now`,
    ...(c.summary ? [`Summary:   ${c.summary}`] : []),
    '',
    'How the due date was worked out:',
    ...c.clocks.response.steps.map((s) => `  ${s}`),
  ];
  for (const d of c.clocks.deadlines) out.push(`${d.label}: ${formatLongDate(d.due)} [${d.status}]${d.warning ? ` ${d.warning}` : ''}`);
  out.push('', 'Events:');
  for (const e of c.events) {
    const line = `  #${e.id} ${e.date} ${eventLabel(e.type)}${e.outcome ? ` (${e.outcome})` : ''}`;
    out.push(e.voided ? `${line} [VOID: ${e.voidReason ?? ''}]` : line);
  }
  return out.join('\n');
}

export const COMMANDS: Command[] = [
  {
    words: ['case', 'create'],
    options: { regime: { type: 'string' }, received: { type: 'string' }, reference: { type: 'string' }, ...REQUESTER_OPTIONS },
    async run({ parsed: p, call }) {
      const c = await call('cases:create', {
        regime: required(p, 'regime').toLowerCase(),
        received: required(p, 'received'),
        requester: {
          name: required(p, 'requester'),
          email: str(p, 'email') ?? '',
          address: lines(str(p, 'address')) ?? '',
          organisation: str(p, 'organisation') ?? '',
        },
        summary: str(p, 'summary') ?? '',
        requestText: lines(str(p, 'text')) ?? '',
        ...(str(p, 'reference') ? { reference: str(p, 'reference') } : {}),
      });
      return { value: c, text: `Created ${c.reference}, due ${formatLongDate(c.dueDate)}.` };
    },
  },
  {
    words: ['case', 'list'],
    options: { filter: { type: 'string' }, regime: { type: 'string' }, text: { type: 'string' }, status: { type: 'string' }, mine: { type: 'boolean', default: false }, officer: { type: 'string' }, sort: { type: 'string' }, dir: { type: 'string' }, limit: { type: 'string' }, after: { type: 'string' } },
    async run({ parsed: p, call }) {
      const opt = (name: string, f: (v: string) => string = (v) => v) => (str(p, name) !== undefined ? { [name]: f(str(p, name)!) } : {});
      if (p.values.mine === true && str(p, 'officer') !== undefined) throw new UsageError('Give --mine or --officer LOGIN, not both');
      const limitText = str(p, 'limit');
      if (limitText !== undefined && !/^\d+$/.test(limitText)) throw new UsageError('--limit must be a whole number of cases (1 to 1000)');
      const query = { ...opt('today'), ...opt('filter'), ...opt('regime', (v) => v.toLowerCase()), ...opt('text'), ...opt('status'), ...opt('officer'), ...opt('sort'), ...opt('dir'), ...(p.values.mine === true ? { mine: true } : {}) };
      const table = (items: CaseListItem[]) => ['Reference\tRequester\tReceived\tDue\tDays left\tStatus\tSummary', ...items.map((i) => [i.reference, i.requesterName, i.received, i.deadline?.due ?? i.dueDate, i.daysLeft === null ? '-' : String(i.daysLeft), STATUS_LABELS[i.status], i.summary].join('\t'))].join('\n');
      // Pages when asked for (--limit, --after): the value then carries the cursor of the next page and the total.
      if (limitText !== undefined || str(p, 'after') !== undefined) {
        const page = await call('cases:page', { ...query, ...(limitText !== undefined ? { limit: Number(limitText) } : {}), ...opt('after') });
        const more = page.next ? `\n${page.items.length} of ${page.total}; next page: --after ${page.next}` : `\n${page.items.length} shown; ${page.total} in all`;
        return { value: page, text: page.items.length ? table(page.items) + more : `No cases on this page (${page.total} in all).` };
      }
      const items = await call('cases:list', query);
      return { value: items, text: items.length ? table(items) : 'No cases yet.' };
    },
  },
  {
    words: ['case', 'show'],
    options: {},
    async run({ parsed: p, call }) {
      const c = await call('cases:get', { reference: positional(p, 'A case reference') });
      return { value: c, text: caseText(c) };
    },
  },
  {
    words: ['case', 'update'],
    options: { regime: { type: 'string' }, received: { type: 'string' }, 'if-version': { type: 'string' }, ...REQUESTER_OPTIONS },
    async run({ parsed: p, call }) {
      const reference = positional(p, 'A case reference');
      const ifVersionText = str(p, 'if-version');
      if (ifVersionText !== undefined && !/^\d+$/.test(ifVersionText)) throw new UsageError('--if-version must be a whole number (the version from case show)');
      const ifVersion = ifVersionText === undefined ? {} : { ifVersion: Number(ifVersionText) };
      const requester = Object.fromEntries(
        (
          [
            ['name', str(p, 'requester')],
            ['email', str(p, 'email')],
            ['address', lines(str(p, 'address'))],
            ['organisation', str(p, 'organisation')],
          ] as const
        ).filter(([, v]) => v !== undefined),
      );
      const current = Object.keys(requester).length ? (await call('cases:get', { reference })).requester : undefined;
      const changes = {
        ...(str(p, 'regime') ? { regime: str(p, 'regime')!.toLowerCase() } : {}),
        ...(str(p, 'received') ? { received: str(p, 'received') } : {}),
        ...(str(p, 'summary') !== undefined ? { summary: str(p, 'summary') } : {}),
        ...(str(p, 'text') !== undefined ? { requestText: lines(str(p, 'text')) } : {}),
        ...(current ? { requester: { ...current, ...requester } } : {}),
      };
      if (Object.keys(changes).length === 0) throw new UsageError('Nothing to change: give at least one option');
      const c = await call('cases:update', { reference, changes, ...ifVersion });
      return { value: c, text: `Updated ${c.reference}.` };
    },
  },
  {
    words: ['case', 'event'],
    options: {
      type: { type: 'string' }, date: { type: 'string' }, note: { type: 'string' }, estimate: { type: 'string' },
      outcome: { type: 'string' }, void: { type: 'string' }, reason: { type: 'string' },
    },
    async run({ parsed: p, call }) {
      const reference = positional(p, 'A case reference');
      if (str(p, 'void') !== undefined) {
        for (const other of ['type', 'date', 'note', 'estimate', 'outcome']) if (str(p, other) !== undefined) throw new UsageError(`--void cannot be combined with --${other}`);
        const eventId = Number(str(p, 'void'));
        if (!Number.isInteger(eventId) || eventId < 1) throw new UsageError('--void takes an event id (the # number in case show)');
        const c = await call('cases:voidEvent', { reference, eventId, reason: required(p, 'reason') });
        return { value: c, text: caseText(c) };
      }
      if (str(p, 'reason') !== undefined) throw new UsageError('--reason goes with --void');
      const c = await call('cases:addEvent', {
        reference,
        type: required(p, 'type'),
        date: required(p, 'date'),
        ...(str(p, 'note') !== undefined ? { note: str(p, 'note') } : {}),
        ...(str(p, 'estimate') !== undefined ? { estimate: str(p, 'estimate') } : {}),
        ...(str(p, 'outcome') !== undefined ? { outcome: str(p, 'outcome') } : {}),
      });
      return { value: c, text: caseText(c) };
    },
  },
  {
    words: ['letter'],
    options: {
      kind: { type: 'string' }, out: { type: 'string' }, field: { type: 'string', multiple: true },
      sent: { type: 'string' }, via: { type: 'string' }, 'signed-by': { type: 'string' },
    },
    async run({ parsed: p, call }) {
      const reference = positional(p, 'A case reference');
      const kind = required(p, 'kind');
      required(p, 'out');
      const via = str(p, 'via');
      if (via !== undefined && !['email', 'post', 'hand'].includes(via)) throw new UsageError('--via is email, post or hand');
      const sent = str(p, 'sent');
      const how = {
        ...(sent !== undefined ? { sent: true, letterDate: sent } : {}),
        ...(via !== undefined ? { via } : {}),
        ...(str(p, 'signed-by') !== undefined ? { signedBy: str(p, 'signed-by') } : {}),
      };
      const given = (p.values.field as string[] | undefined) ?? [];
      if (given.length) {
        const draft = await call('letters:draft', { reference, kind });
        const fields = { ...draft.fields };
        for (const f of given) {
          const eq = f.indexOf('=');
          if (eq < 1) throw new UsageError(`--field takes NAME=VALUE, got ${f}`);
          fields[f.slice(0, eq)] = lines(f.slice(eq + 1))!;
        }
        await call('letters:setDraft', { reference, kind, fields });
      }
      // The extension chooses the format; the PDF remains the record of what was sent.
      if (/\.docx$/i.test(required(p, 'out'))) {
        if (sent !== undefined) throw new UsageError('--sent records the letter as sent: save it as a PDF, the record of what was sent');
        const d = await call('letters:saveDocx', { reference, kind });
        return { value: { ...d, format: 'docx' }, text: `Saved ${d.path} (${d.size} bytes, Word).` };
      }
      const r = await call('letters:save', { reference, kind, ...how });
      if (sent === undefined) return { value: r, text: `Saved ${r.path} (${r.size} bytes).` };
      const c = await call('cases:get', { reference });
      const value = { ...r, sent, via: via ?? null, status: c.status, daysLeft: c.daysLeft, outcome: c.outcome };
      return { value, text: `Saved ${r.path} (${r.size} bytes), recorded as sent on ${formatLongDate(sent)}. ${reference} is now: ${standingText(c.standing)}.` };
    },
  },
  {
    words: ['cost'],
    options: { line: { type: 'string', multiple: true }, scope: { type: 'string' }, advice: { type: 'string' }, clear: { type: 'boolean' } },
    async run({ parsed: p, call }) {
      const reference = positional(p, 'A case reference');
      const scope = str(p, 'scope') ?? 'comply';
      if (scope !== 'comply' && scope !== 'confirm-or-deny') throw new UsageError('--scope is comply or confirm-or-deny');
      const specs = (p.values.line as string[] | undefined) ?? [];
      let view = await call('costs:get', { reference });
      if (specs.length || p.values.clear === true) {
        let parsedLines;
        try {
          parsedLines = specs.map((spec) => parseCostLineSpec(spec, view.regime));
        } catch (err) {
          if (err instanceof CostRuleError) throw new DiscloseError('VALIDATION', err.message);
          throw err;
        }
        view = await call('costs:set', { reference, scope, lines: parsedLines });
      }
      if (str(p, 'advice') !== undefined) view = await call('costs:setAdvice', { reference, s16Advice: lines(str(p, 'advice'))! });
      const estimate = scope === 'comply' ? view.comply : view.confirmOrDeny;
      const totals = estimate?.aggregateTotals ?? estimate?.totals ?? { totalMinutes: 0, costPence: 0, limitPence: view.limit.limitPence, exceeds: false, ratePencePerHour: view.limit.ratePencePerHour, limitHours: view.limit.limitHours };
      const value = { reference, scope, ...totals, lines: estimate?.lines ?? [], working: view.working, aggregatedWith: estimate?.aggregatedWith ?? [], candidates: view.candidates, s16Advice: view.s16Advice, basis: view.limit.basis };
      const text = [
        ...(view.working.length ? view.working : ['No estimate recorded.']),
        ...view.candidates.map((c) => `Possible aggregation (reg 5): ${c.reference}, received ${c.received}: ${c.reason}`),
      ].join('\n');
      return { value, text };
    },
  },
  {
    words: ['exemption'],
    options: {
      apply: { type: 'string' },
      remove: { type: 'string' },
      item: { type: 'string' },
      ncnd: { type: 'boolean' },
      engagement: { type: 'string' },
      'pit-for': { type: 'string' },
      'pit-against': { type: 'string' },
      balance: { type: 'string' },
      'decided-by': { type: 'string' },
      'decided-on': { type: 'string' },
      'qp-name': { type: 'string' },
      'qp-date': { type: 'string' },
      'qp-material': { type: 'string' },
      reason: { type: 'string', multiple: true },
    },
    async run({ parsed: p, call }) {
      const reference = positional(p, 'A case reference');
      const item = str(p, 'item') ?? '';
      // --reason NAME=VALUE: the DPA 2018 exemptions' own questions (e.g. consentSought).
      const reasons = ((p.values.reason as string[] | undefined) ?? []).map((r) => {
        const eq = r.indexOf('=');
        if (eq < 1) throw new UsageError(`--reason takes NAME=VALUE, got ${r}`);
        return [r.slice(0, eq), lines(r.slice(eq + 1))!] as const;
      });
      let list;
      if (str(p, 'remove') !== undefined) {
        list = await call('exemptions:remove', { reference, provision: str(p, 'remove'), item });
      } else if (str(p, 'apply') !== undefined) {
        const qp = str(p, 'qp-name');
        const opt = (name: string, key: string) => (str(p, name) !== undefined ? { [key]: lines(str(p, name)) } : {});
        list = await call('exemptions:apply', {
          reference,
          provision: str(p, 'apply'),
          item,
          ...(p.values.ncnd === true ? { ncnd: true } : {}),
          ...opt('engagement', 'engagement'),
          ...opt('pit-for', 'publicInterestFor'),
          ...opt('pit-against', 'publicInterestAgainst'),
          ...opt('balance', 'balance'),
          ...opt('decided-by', 'decidedBy'),
          ...opt('decided-on', 'decidedOn'),
          ...(qp ? { qualifiedPerson: { name: qp, opinionDate: str(p, 'qp-date') ?? '', materialPutToThem: lines(str(p, 'qp-material')) ?? '' } } : {}),
          ...(reasons.length ? { reasoning: Object.fromEntries(reasons) } : {}),
        });
      } else {
        list = await call('exemptions:list', { reference });
      }
      const text = list.map((e) => `${formatProvision(e.ref)}${e.item ? ` [${e.item}]` : ''}${e.ncnd ? ' NCND' : ''}`).join('\n') || 'No exemptions applied.';
      return { value: { reference, exemptions: list }, text };
    },
  },
  {
    words: ['bundle'],
    options: { out: { type: 'string' }, closed: { type: 'string' }, zip: { type: 'string' } },
    async run({ parsed: p, call }) {
      const reference = positional(p, 'A case reference');
      required(p, 'out');
      const plan = await call('bundles:plan', { reference });
      // Refuse before writing anything, rather than after the open bundle is saved.
      if (str(p, 'closed') !== undefined && plan.closed.length === 0) {
        throw new DiscloseError('VALIDATION', `Nothing on ${reference} is marked as withheld, so there is no closed bundle to make: leave out --closed, or mark the withheld files first (import --role withheld).`);
      }
      const open = await call('bundles:export', { reference, kind: 'open' });
      const closed = str(p, 'closed') !== undefined ? await call('bundles:export', { reference, kind: 'closed' }) : null;
      const zip = str(p, 'zip') !== undefined ? await call('bundles:export', { reference, kind: 'zip' }) : null;
      const line = (label: string, r: Output<'bundles:export'>, unit: string) => `${label}: ${r.path} (${r.pages} ${unit}, ${r.size} bytes, SHA-256 ${r.sha256})`;
      const missing = [open, closed, zip].flatMap((r) => r?.notReproduced.map((n) => `  ${r.kind} ${n.tab} ${n.document}: ${n.reason}`) ?? []);
      const text = [
        line('Open bundle', open, 'pages'),
        ...(closed ? [line('Closed bundle', closed, 'pages')] : []),
        ...(zip ? [line('Native files', zip, 'files')] : []),
        ...(missing.length ? ['Could not be reproduced (each is listed in the index and the manifest):', ...missing] : []),
        ...plan.warnings.map((w) => `Warning: ${w}`),
      ].join('\n');
      return { value: { reference, open, closed, zip, warnings: plan.warnings }, text };
    },
  },
  {
    words: ['deadline'],
    options: { clock: { type: 'string' }, from: { type: 'string' }, 'paused-from': { type: 'string' }, 'paused-to': { type: 'string' } },
    async run({ parsed: p, call }) {
      const clock = required(p, 'clock');
      if (!(CLOCK_NAMES as readonly string[]).includes(clock)) throw new UsageError(`--clock must be one of ${CLOCK_NAMES.join(', ')}`);
      const r = await call('deadlines:compute', {
        clock,
        from: required(p, 'from'),
        ...(str(p, 'paused-from') !== undefined ? { pausedFrom: str(p, 'paused-from') } : {}),
        ...(str(p, 'paused-to') !== undefined ? { pausedTo: str(p, 'paused-to') } : {}),
      });
      return { value: r, text: [`${clock}: ${formatLongDate(r.due)}${r.provisional ? ' (provisional)' : ''}`, ...r.steps.map((s) => `  ${s}`)].join('\n') };
    },
  },
  {
    words: ['holidays', 'list'],
    options: { year: { type: 'string' } },
    async run({ parsed: p, call }) {
      const list = await call('holidays:list', {});
      const year = str(p, 'year');
      const holidays = year ? list.holidays.filter((h) => h.date.startsWith(`${year}-`)) : list.holidays;
      const value = { ...list, holidays };
      const text = holidays.map((h) => `${h.date}\t${h.region}\t${h.name}${h.source === 'officer' ? '\t(added in Disclose)' : ''}`).join('\n');
      return { value, text: `${text || 'No holidays.'}\nPublished through ${list.publishedThrough}; later years are provisional.` };
    },
  },
  {
    words: ['holidays', 'add'],
    options: { date: { type: 'string' }, region: { type: 'string' }, name: { type: 'string' }, note: { type: 'string' } },
    async run({ parsed: p, call }) {
      const r = await call('holidays:add', {
        date: required(p, 'date'),
        region: required(p, 'region'),
        name: required(p, 'name'),
        ...(str(p, 'note') !== undefined ? { note: str(p, 'note') } : {}),
      });
      return { value: r, text: [`Added ${r.holiday.name} on ${formatLongDate(r.holiday.date)}.`, ...r.affected.map((a) => `  ${a.reference}: due ${a.from} -> ${a.to}`)].join('\n') };
    },
  },
  {
    words: ['holidays', 'remove'],
    options: { date: { type: 'string' }, region: { type: 'string' } },
    async run({ parsed: p, call }) {
      const r = await call('holidays:remove', { date: required(p, 'date'), region: required(p, 'region') });
      return { value: r, text: [`Removed ${r.holiday.name} on ${formatLongDate(r.holiday.date)}.`, ...r.affected.map((a) => `  ${a.reference}: due ${a.from} -> ${a.to}`)].join('\n') };
    },
  },
  {
    words: ['dashboard'],
    options: {},
    async run({ parsed: p, call }) {
      const d = await call('reports:dashboard', { ...(str(p, 'today') ? { today: str(p, 'today') } : {}) });
      const text = CASE_FILTERS.map((f) => `${FILTER_LABELS[f]}: ${d[f]}`).join('\n');
      return { value: d, text };
    },
  },
  {
    words: ['report', 'timeliness'],
    options: { from: { type: 'string' }, to: { type: 'string' } },
    async run({ parsed: p, call }) {
      const r = await call('reports:timeliness', { from: required(p, 'from'), to: required(p, 'to'), ...(str(p, 'today') ? { today: str(p, 'today') } : {}) });
      const rate = r.ratePercent === null ? 'no requests determined yet' : `${r.ratePercent}% in time (${r.band})`;
      return { value: r, text: `${r.from} to ${r.to}: ${r.received} received, ${r.inTime} in time, ${r.late} late, ${r.pending} pending: ${rate}.` };
    },
  },
  {
    words: ['report', 'statistics'],
    options: { from: { type: 'string' }, to: { type: 'string' }, regime: { type: 'string' }, officer: { type: 'string' }, csv: { type: 'string' }, pdf: { type: 'string' } },
    async run({ parsed: p, call }) {
      const input = {
        from: required(p, 'from'),
        to: required(p, 'to'),
        ...(str(p, 'regime') ? { regime: str(p, 'regime')!.toLowerCase() } : {}),
        ...(str(p, 'officer') ? { officer: str(p, 'officer') } : {}),
      };
      for (const format of ['csv', 'pdf'] as const) {
        if (str(p, format) === undefined) continue;
        const saved = await call('reports:saveStatistics', { ...input, format });
        return { value: saved, text: `Saved ${saved.path} (${saved.size} bytes).` };
      }
      const s = await call('reports:statistics', input);
      const rate = s.ratePercent === null ? 'no rate yet' : `${s.ratePercent}% in time (${s.band})`;
      const outcomes = Object.entries(s.outcomes).filter(([, n]) => n > 0).map(([o, n]) => `${o} ${n}`).join(', ') || 'none';
      const text = [
        `${s.from} to ${s.to}${s.regime ? ` (${s.regime.toUpperCase()})` : ''}: ${s.received} received; ${s.inTime} in time, ${s.extendedInTime} within an extension, ${s.late} late, ${s.pending} pending, ${s.overdue} overdue: ${rate}.`,
        `Outcomes: ${outcomes}.`,
        `Exemptions: ${Object.entries(s.exemptions).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}.`,
        `Reviews: ${s.reviews.received} received, ${s.reviews.upheld} upheld, ${s.reviews.partlyUpheld} upheld in part, ${s.reviews.overturned} overturned. ICO: ${s.ico.complaints} complaints, ${s.ico.decisions} decisions. Tribunal: ${s.tribunal.appeals} appeals.`,
      ].join('\n');
      return { value: s, text };
    },
  },
  {
    words: ['import'],
    options: { role: { type: 'string' } },
    readsFiles: true,
    async run({ parsed: p, call, core }) {
      const [reference, ...files] = p.positionals;
      if (!reference) throw new UsageError('A case reference is required');
      if (files.length === 0) throw new UsageError('Name at least one file to import');
      const r = await call('correspondence:importChosen', { reference, ...(str(p, 'role') ? { role: str(p, 'role') } : {}) });
      const text = [
        ...r.added.map((a) => `added ${a.kind === 'email' ? `email "${a.subject || '(no subject)'}" with ${a.attachments} attachment(s)` : 'file'}: ${a.file}${a.warnings.length ? ` (${a.warnings.join(' ')})` : ''}`),
        ...r.skipped.map((k) => `skipped ${k.file}: ${k.reason}`),
      ].join('\n');
      // Exit 1 when nothing was added, so a script can tell an import that did nothing from one that worked.
      if (r.added.length === 0) return { value: r, text, exitCode: 1, problem: `Nothing was added to ${reference}: every file was skipped.` };
      // The outcome is printed as soon as everything is stored; the command ends once the text of
      // the PDFs a large import left pending is read too, so a search after it finds their words.
      return { value: r, text, afterPrint: () => core.textRead() };
    },
  },
  {
    words: ['text', 'status'],
    options: {},
    async run({ parsed: p, call }) {
      const reference = p.positionals[0];
      const r = await call('text:pending', reference ? { reference } : {});
      return { value: r, text: r.pending === 0 ? 'The text of every file has been read.' : `${r.pending} file(s) wait for their text to be read for search${r.reading ? ': being read now' : ' (run "text read")'}.` };
    },
  },
  {
    words: ['text', 'read'],
    options: {},
    async run({ call }) {
      const r = await call('text:read', {});
      return { value: r, text: `Read the text of ${r.read} file(s).${r.pending ? ` ${r.pending} could not be read now (a case checked out, another officer's, or its file out of reach): they are tried again at the next "text read" or when the app opens.` : ''}` };
    },
  },
  {
    words: ['search'],
    options: { limit: { type: 'string' } },
    async run({ parsed: p, call }) {
      const query = p.positionals.join(' ');
      if (!query.trim()) throw new UsageError('What to search for is required');
      const hits = await call('search:query', { query, limit: Number(str(p, 'limit') ?? 50) });
      return { value: hits, text: hits.map((h) => `${h.reference}\t${h.kind}\t${h.title}\t${h.snippet}`).join('\n') || 'Nothing found.' };
    },
  },
  {
    words: ['audit'],
    options: { limit: { type: 'string' } },
    async run({ parsed: p, call }) {
      const reference = p.positionals[0];
      const entries = await call('audit:list', { ...(reference ? { reference } : {}), limit: Number(str(p, 'limit') ?? 200) });
      return { value: entries, text: entries.map((e) => `${e.at}\t${e.actor}\t${e.reference ?? '-'}\t${e.summary}`).join('\n') || 'No entries.' };
    },
  },
  {
    words: ['case', 'publish'],
    options: { title: { type: 'string' }, summary: { type: 'string' }, topic: { type: 'string' }, unpublish: { type: 'boolean' } },
    async run({ parsed: p, call }) {
      const reference = positional(p, 'A case reference');
      const unpublish = p.values.unpublish === true;
      if (!unpublish) {
        required(p, 'title');
        required(p, 'summary');
      }
      const r = await call('disclosure:publish', { reference, title: str(p, 'title') ?? '', summary: lines(str(p, 'summary')) ?? '', topic: str(p, 'topic') ?? '', unpublish });
      return { value: { reference, published: r !== null, ...(r ?? {}) }, text: r ? `${reference} will appear in the disclosure log as "${r.title}".` : `${reference} is no longer in the disclosure log.` };
    },
  },
  {
    words: ['disclosure-log'],
    options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
    async run({ parsed: p, call }) {
      required(p, 'out');
      const r = await call('disclosure:export', { from: required(p, 'from'), to: required(p, 'to') });
      const left = r.skipped.map((s) => `  left out: ${s.reference} ${s.file}: ${s.reason}`).join('\n');
      return { value: r, text: `Wrote the disclosure log to ${r.out}: ${r.requests} requests, ${r.files} documents.${left ? `\n${left}` : ''}` };
    },
  },
  {
    words: ['settings', 'docx-template'],
    options: { file: { type: 'string' }, clear: { type: 'boolean' } },
    async run({ parsed: p, call }) {
      const clear = p.values.clear === true;
      const t = clear || str(p, 'file') ? await call('letters:setDocxTemplate', { clear }) : await call('letters:docxTemplate', {});
      return { value: t, text: t.sha256 ? `Word letters use the template ${t.name} (${t.sha256.slice(0, 12)}…).` : 'Word letters use the plain style (no template).' };
    },
  },
  {
    words: ['settings', 'show'],
    options: {},
    async run({ call }) {
      const s = await call('settings:get', {});
      return { value: s, text: Object.entries(s).map(([k, v]) => `${k}: ${String(v)}`).join('\n') };
    },
  },
  {
    words: ['settings', 'set'],
    options: {
      name: { type: 'string' },
      address: { type: 'string' },
      email: { type: 'string' },
      'central-government': { type: 'boolean' },
      'no-central-government': { type: 'boolean' },
      'reference-format': { type: 'string' },
      'signatory-name': { type: 'string' },
      'signatory-title': { type: 'string' },
      region: { type: 'string' },
    },
    async run({ parsed: p, call }) {
      const s = await call('settings:get', {});
      const central = p.values['central-government'] === true ? true : p.values['no-central-government'] === true ? false : s.centralGovernment;
      const next = await call('settings:update', {
        name: str(p, 'name') ?? s.name,
        address: lines(str(p, 'address')) ?? s.address,
        email: str(p, 'email') ?? s.email,
        centralGovernment: central,
        referenceFormat: str(p, 'reference-format') ?? s.referenceFormat,
        signatoryName: str(p, 'signatory-name') ?? s.signatoryName,
        signatoryTitle: str(p, 'signatory-title') ?? s.signatoryTitle,
        region: str(p, 'region') ?? s.region,
      });
      return { value: next, text: `Saved settings for ${next.name}.` };
    },
  },
  ...REDACTION_COMMANDS,
  ...RECORDS_COMMANDS,
  ...TEAM_COMMANDS,
  ...TEAM_CASE_COMMANDS,
  ...DEMO_COMMANDS,
  ...CHECKOUT_COMMANDS,
];

export const USAGE = `Disclose command line: FOI case files from the terminal, over the same core as the app.

Usage: npm run -s cli -- COMMAND [options] [--json] [--data-dir DIR]

Commands:
  case create --regime foia|eir|eisr|foisa|sar --received YYYY-MM-DD --requester NAME
              [--email E] [--address A] [--organisation O] [--summary S] [--text T] [--reference R]
  case list [--filter all|active|due-today|due-this-week|overdue|on-hold|finished|extended|under-review|with-ico]
              [--regime foia|eir|eisr|foisa|sar] [--text T] [--status STATUS] [--mine | --officer LOGIN]
              [--sort reference|requesterName|received|dueDate|daysLeft|status] [--dir asc|desc]
              [--limit N] [--after CURSOR]   pages: --json gives {items, next, total}; pass next as --after
              STATUS: open, on-hold, extended, overdue, responded, under-review, with-ico, at-tribunal, closed
  case show REF
  case update REF [--regime R] [--received D] [--requester NAME] [--email E] [--address A]
              [--organisation O] [--summary S] [--text T] [--if-version N]
              --if-version N: refused (CONFLICT) if the case has changed since version N (case show)
  case assign REF --to LOGIN                  allocate the case to an officer (a lead)
  case note REF --text T                      add an internal note (never disclosed)
  case notes REF
  case event REF --type TYPE --date YYYY-MM-DD [--note T] [--estimate YYYY-MM-DD] [--outcome O]
              TYPE: acknowledged, clarification-sought, clarification-received, fees-notice,
              fee-received, id-requested, id-received (SAR), pit-extension (with --estimate),
              eir-extension (EIR and EISR reg 7), sar-extension,
              responded, review-requested, review-completed, ico-complaint, ico-decision,
              tribunal-appeal, closed
              O (with responded): granted, part-granted, refused, not-held, s12, s14, withdrawn, transferred
              O (with review-completed): upheld, partly-upheld, overturned
  case event REF --void EVENT_ID --reason TEXT
              a correction: the event stays in the record, struck through, and drives no clock
  letter REF --kind KIND --out FILE.pdf|FILE.docx [--field NAME=VALUE ...] [--sent YYYY-MM-DD]
              [--via email|post|hand] [--signed-by NAME]
              (.docx: a Word copy to finish; the PDF remains the record of what was sent)
              --sent: the letter is dated that day, its event is recorded (acknowledged,
              clarification sought, fees notice, responded with its outcome, review completed…)
              and it is filed as outgoing correspondence sent by --via
              KIND: acknowledgement, clarification, fees-notice, response, refusal, s12-refusal,
              s14-refusal, pit-extension, review-acknowledgement, review-outcome,
              eir-extension (EIR/EISR reg 7), sar-extension (UK GDPR Art 12(3)),
              sar-refusal (Art 12(4))
  settings docx-template [--file TEMPLATE.docx | --clear]   the authority's Word letterhead
  case publish REF --title T --summary S [--topic T] | --unpublish   mark a response for the disclosure log
  report statistics --from D --to D [--regime R] [--officer LOGIN] [--json | --csv FILE | --pdf FILE]
  disclosure-log --from YYYY-MM-DD --to YYYY-MM-DD --out DIR   export the log (a static site and a CSV)
  cost REF [--line ACTIVITY:QUANTITY:MINUTES[:DESCRIPTION] ...] [--scope comply|confirm-or-deny]
              [--advice S16_ADVICE] [--clear]
              ACTIVITY: determining, locating, retrieving, extracting (FOIA, EIR guide, DPA s24:
              SI 2004/3244 reg 4(3)); locating, retrieving, providing (FOISA, EISR guide:
              SSI 2004/467 reg 3);
              DESCRIPTION: what is counted, e.g. "case files"
  exemption REF [--apply "FOIA s43(2)" | --remove "FOIA s43(2)"] [--item DOC] [--ncnd]
              [--engagement T] [--pit-for T] [--pit-against T] [--balance T]
              [--decided-by NAME] [--decided-on D] [--qp-name N --qp-date D --qp-material T]
              [--reason FIELD=TEXT ...]  (DPA 2018 exemptions, e.g. "DPA Sch 2 para 16"
              --reason consentSought=... --reason reasonableness=...; EISR: "EISR reg 10(5)(e)")
  bundle REF --out FILE.pdf [--closed FILE.pdf] [--zip FILE.zip]
              the open bundle (cover, index, chronology, correspondence, letters, s12 working,
              exemption schedule, attachments, manifest); --closed: the withheld information,
              paginated C1, C2…; --zip: the native files with the same manifest
${REDACTION_USAGE}  deadline --clock NAME --from YYYY-MM-DD [--paused-from D --paused-to D]
  import REF FILE... [--role correspondence|disclosed|withheld|evidence]
              .eml and .msg become correspondence with their attachments; other files are attachments;
              from 21 files, the text of PDFs is read once all is stored (the command waits for it)
  text status [REF]     how many files wait for their text to be read for search
  text read             reads it now (the desktop app does so by itself)
  search QUERY [--limit N]
  holidays list [--year YYYY]
  holidays add --date YYYY-MM-DD --region england-and-wales|scotland|northern-ireland --name NAME [--note T]
  holidays remove --date YYYY-MM-DD --region REGION
  dashboard
  report timeliness --from YYYY-MM-DD --to YYYY-MM-DD
  audit [REF] [--limit N]
  settings show
  settings set [--name N] [--address A] [--email E] [--central-government | --no-central-government]
              [--reference-format F] [--signatory-name N] [--signatory-title T]
              [--region england-and-wales|scotland|northern-ireland]
${RECORDS_USAGE}
${TEAM_USAGE}
${DEMO_USAGE}
${CHECKOUT_USAGE}
Global options:
  --json            print JSON on stdout (errors as {"error": {code, message}})
  --data-dir DIR    the data folder (default: the app's user data folder, or $DISCLOSE_DATA_DIR)
  --database URL    a postgres:// URL: work on the team database (or $DISCLOSE_DATABASE_URL); the
                    data folder then holds only this machine's cache of attachments
  --today D         treat D as today (for reproducible runs)

In addresses and text, "\\n" starts a new line.
`;
