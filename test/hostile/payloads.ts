// Payloads for the IPC fuzzer: a valid example for each channel (so mutations reach deep into the
// schemas and handlers), mutations of it, random JSON, hostile strings and numbers, and objects
// that fight back (getters that throw, proxies, prototype keys). Seeded: every run is the same.
import { random } from './make-corpus-bytes';

export const HOSTILE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\u202e0001/6202', 'FOI/\u202e0001/6202', '\u2066x\u2069', '\x1b[2J\x1b]0;t\x07', '\r\n\t',
  '\ud800', '\udfff\ud800', 'é'.normalize('NFD'), '9999-12-31', '0000-01-01', '2026-02-30', '1899-12-31', '2026-11-20T25:61:00Z',
  '-1', 'NaN', '1e308', "'; DROP TABLE cases; --", '" OR 1=1 --', 'NEAR(a b)', '"unterminated', '*', 'a AND OR NOT', '../../../etc/passwd',
  'C:\\Windows\\system32', '%PDF-1.7', '{{seq}}', '{seq}{seq}', '=cmd|"/c calc"!A1', '<script>alert(1)</script>', 'x'.repeat(70_000),
  '!!!not base64!!!', 'QUJD', 'A===', '====', 'data:text/plain;base64,QUJD', '__proto__', 'constructor', 'toString',
];
const NUMBERS = [0, -0, -1, 1, 0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

export function examples(reference: string): Record<string, unknown> {
  const requester = { name: 'Ann Example', email: 'ann@example.org' };
  return {
    'settings:update': { name: 'Council', address: 'Town Hall', email: 'foi@example.gov.uk', centralGovernment: false, referenceFormat: 'FOI/{yyyy}/{seq:4}', signatoryName: 'A Person', signatoryTitle: 'Officer', region: 'england-and-wales' },
    'cases:list': { today: '2026-11-20', filter: 'all' },
    'cases:get': { reference },
    'cases:create': { regime: 'foia', received: '2026-11-02', requester, summary: 'x' },
    'cases:update': { reference, changes: { summary: 'y' } },
    'cases:addEvent': { reference, type: 'clarification-sought', date: '2026-11-03' },
    'audit:list': { reference, limit: 5 },
    // Refused: the register under fuzzing holds a case.
    'demo:generate': { cases: 2, messages: 5, seed: 'fuzz' },
    'deadlines:compute': { clock: 'foi-response', from: '2026-11-02' },
    'holidays:add': { date: '2026-12-28', region: 'scotland', name: 'Extra day' },
    'holidays:remove': { date: '2026-12-28', region: 'scotland' },
    'reports:dashboard': { today: '2026-11-20' },
    'reports:timeliness': { from: '2026-01-01', to: '2026-12-31' },
    'costs:get': { reference },
    'costs:set': { reference, scope: 'comply', lines: [{ activity: 'locating', description: 'files', quantity: 3, minutesEach: 10 }] },
    'costs:setAdvice': { reference, s16Advice: 'Narrow it.' },
    'costs:link': { reference, other: reference, reason: 'same' },
    'costs:unlink': { reference, other: reference },
    'exemptions:list': { reference },
    'exemptions:apply': { reference, provision: 'FOIA s40(2)', item: 'names' },
    'exemptions:remove': { reference, provision: 'FOIA s40(2)', item: 'names' },
    'letters:saveTemplate': { kind: 'acknowledgement', subject: 'S', body: 'B' },
    'letters:resetTemplate': { kind: 'acknowledgement' },
    'letters:draft': { reference, kind: 'acknowledgement' },
    'letters:setDraft': { reference, kind: 'acknowledgement', fields: { extra: 'text' } },
    'correspondence:list': { reference },
    'correspondence:add': { reference, direction: 'in', channel: 'phone', sentAt: '2026-11-03', subject: 'Call', body: 'Said hello' },
    'correspondence:mark': { reference, id: 1, as: 'clarification-received' },
    'correspondence:import': { reference, files: [{ name: 'note.txt', data: 'aGVsbG8=' }] },
    'correspondence:importChosen': { reference },
    'attachments:content': { id: 1 },
    'attachments:save': { id: 1 },
    'attachments:setRole': { id: 1, role: 'evidence' },
    'search:query': { query: 'hello', limit: 5 },
    'letters:save': { reference, kind: 'acknowledgement' },
    'letters:print': { reference, kind: 'acknowledgement' },
    'bundles:plan': { reference },
    'bundles:progress': { jobId: 'abcdef' },
    'bundles:cancel': { jobId: 'abcdef' },
  };
}

export function payloadMaker(seed: number) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const value = (depth = 0): unknown => {
    const r = next();
    if (r < 0.25) return pick(HOSTILE_STRINGS);
    if (r < 0.4) return pick(NUMBERS);
    if (r < 0.5) return pick([null, undefined, true, false]);
    if (r < 0.6) return new Uint8Array(Math.floor(next() * 64));
    if (depth > 3) return pick(HOSTILE_STRINGS);
    if (r < 0.8) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [pick(['reference', 'name', 'id', 'date', '__proto__', 'x', 'files']), value(depth + 1)]));
  };
  const trap = (): unknown =>
    pick([
      Object.defineProperty({}, 'reference', { enumerable: true, get: () => { throw new Error('getter trap'); } }),
      new Proxy({}, { get: () => { throw new Error('proxy trap'); }, ownKeys: () => { throw new Error('proxy keys trap'); } }),
      JSON.parse('{"__proto__": {"polluted": true}, "reference": "x"}'),
      Object.create(null),
    ]);
  const mutate = (example: unknown): unknown => {
    if (example === null || typeof example !== 'object' || example instanceof Uint8Array) return next() < 0.5 ? value() : example;
    if (Array.isArray(example)) return next() < 0.2 ? value() : example.map((v) => (next() < 0.3 ? mutate(v) : v));
    const out: Record<string, unknown> = { ...(example as Record<string, unknown>) };
    for (const key of Object.keys(out)) {
      const r = next();
      if (r < 0.15) delete out[key];
      else if (r < 0.45) out[key] = value();
      else if (r < 0.6) out[key] = mutate(out[key]);
    }
    if (next() < 0.1) out[pick(['extra', '__proto__', 'constructor'])] = value();
    return out;
  };
  return (example: unknown): unknown => {
    const r = next();
    if (r < 0.55) return mutate(example);
    if (r < 0.85) return value();
    return trap();
  };
}
