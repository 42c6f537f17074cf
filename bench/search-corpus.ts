// Years of correspondence for the search benchmark, seeded and deterministic: for each case already
// in the register (bench/seed.ts), emails in and out and attachments with extracted text, written
// in batches straight into correspondence, attachments and the search index (whose triggers fill
// the full-text index, as every import does). The words follow Zipf's law over a vocabulary of
// function words, the words of FOI casework (some with accents) and some 20,000 rarer made-up
// words, so that common words match half the register and rare ones a handful of documents.
import type Database from 'better-sqlite3';
// The same seeded generator as the hostile corpus, so that every run writes the same register.
import { random } from '../test/hostile/make-corpus-bytes';

const FUNCTION_WORDS = 'the of and to a in for is on that this with we you your our be are as by it at from have has not please would can will or all any which been were their there these if an was more also its'.split(' ');
const CASEWORK = `council information request records reply regards report repairs road roads potholes pothole
potential pottery parking contracts consultants salaries schools libraries budget spending planning application
housing tenants waste bins recycling highways gritting flooding drainage licence licensing café cafés naïve résumé
Zoë Dónaill review response complaint officer department meeting minutes agenda policy procedure contract invoice
payment supplier tender procurement staff agency overtime expenses travel vehicles fleet fuel streetlights lighting
pavements cycle lanes bus routes transport traffic signals cameras enforcement fines penalty notices appeals
internal decision exemption section public interest test disclosure withheld redacted personal data children
social care adults safeguarding education admissions transport grants funding voluntary sector leisure centres
parks trees allotments cemeteries burial crematorium environmental health food hygiene inspections noise nuisance
pest control dogs fouling litter graffiti fly tipping benefits housing repairs damp mould asbestos surveys`.split(/\s+/);

const SYLLABLES = 'ba be bi bo bu ca ce co da de di do fa fe fi ga ge go ha he hi ka ke ko la le li lo lu ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi wa we za ze zo bran dol ment ter vin sul gan mer lor tis quen'.split(' ');

export interface Vocabulary {
  words: string[];
  /** A word drawn by its frequency (Zipf: the word of rank r about 1/r as often as the first). */
  draw(): string;
}

export function vocabulary(seed = 18, rare = 20_000): Vocabulary {
  const rnd = random(seed);
  const made = new Set<string>();
  while (made.size < rare) {
    const n = 2 + Math.floor(rnd() * 3);
    made.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]).join(''));
  }
  const words = [...FUNCTION_WORDS, ...CASEWORK, ...[...made].filter((w) => !CASEWORK.includes(w) && !FUNCTION_WORDS.includes(w))];
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= words.length; r++) cumulative.push((total += 1 / r ** 1.05));
  return {
    words,
    draw() {
      const x = rnd() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      return words[lo]!;
    },
  };
}

const PHRASE = 'under the Freedom of Information Act 2000';

/** The reference bench/seed.ts gives its case number k. */
const reference = (k: number) => `SEED/${2018 + (k % 8)}/${String(k).padStart(6, '0')}`;

/** What the benchmarks search for, in a register of `cases` cases. */
export function searches(cases: number): { label: string; query: string }[] {
  const v = vocabulary();
  return [
    { label: 'common word', query: 'council' },
    { label: 'common word', query: 'information' },
    { label: 'rare word', query: v.words[v.words.length - 500]! },
    { label: 'rare word', query: v.words[v.words.length - 5000]! },
    { label: 'two words', query: 'parking contracts' },
    { label: 'phrase', query: '"freedom of information act"' },
    { label: 'reference', query: reference(Math.floor(cases * 0.9)) },
    { label: 'short word (no prefix)', query: 're' },
    { label: 'prefix', query: 'pot' },
    { label: 'prefix', query: 'con' },
    { label: 'prefix', query: 'pothol' },
  ];
}

/** Searches harder than they look: common words in a rare phrase, a rare word beside a common prefix, a word just under COMMON_WORD documents (ranked). */
export function harderSearches(): { label: string; query: string }[] {
  const v = vocabulary();
  return [
    // Each word in over 100,000 documents, side by side in a few hundred.
    { label: 'rare phrase of common words', query: '"information council"' },
    // The last word searched as a prefix, common; the first rare.
    { label: 'rare word, then a common one', query: `${v.words[v.words.length - 500]} council` },
    // Just under COMMON_WORD documents: the most a ranked search gathers.
    { label: 'word in some 19,000 documents (ranked)', query: v.words[320]! },
  ];
}

export interface CorpusSize {
  messagesPerCase: number;
  attachmentsPerCase: number;
}

export interface Message {
  inbound: boolean;
  from: string;
  to: string;
  subject: string;
  body: string;
}

/** One case's correspondence: its emails, then its attachments' names and extracted text. */
export interface CaseDocuments {
  messages: Message[];
  attachments: { name: string; text: string }[];
}

/** The documents of each case in turn, the same every run. */
export function* corpus(cases: { id: number; received_date: string }[], size: CorpusSize, seed = 18): Generator<CaseDocuments> {
  const v = vocabulary(seed);
  const rnd = random(seed + 1);
  const text = (min: number, max: number) => Array.from({ length: min + Math.floor(rnd() * (max - min)) }, () => v.draw()).join(' ');
  for (const c of cases) {
    const messages = Array.from({ length: size.messagesPerCase }, (_, m) => {
      const inbound = m % 2 === 0;
      const requester = `requester${c.id}@example.org`;
      const subject = `${m > 0 ? 'Re: ' : ''}${text(3, 7)}`;
      const body = `${text(30, 120)}${rnd() < 0.1 ? ` ${PHRASE} ` : ' '}${text(10, 60)}`;
      return { inbound, from: inbound ? requester : 'foi@council.example.gov.uk', to: inbound ? 'foi@council.example.gov.uk' : requester, subject, body };
    });
    const attachments = Array.from({ length: size.attachmentsPerCase }, (_, a) => ({
      name: `${v.words[40 + Math.floor(rnd() * 200)]}-${c.received_date.slice(0, 7)}-${a + 1}.pdf`,
      text: `${text(80, 300)}${rnd() < 0.1 ? ` ${PHRASE}` : ''}`,
    }));
    yield { messages, attachments };
  }
}

/** A message's document in the index, as the app indexes it (subject; sender, recipients and text). */
export const messageDocument = (m: Message) => ({ title: m.subject, body: [m.from, m.to, m.body].join('\n') });

/** Messages and attachments for every case of the local register, in its tables and its index;
 * returns the documents indexed. */
export function writeCorpus(sqlite: Database.Database, size: CorpusSize, seed = 18): number {
  const cases = sqlite.prepare('SELECT id, received_date FROM cases ORDER BY id').all() as { id: number; received_date: string }[];
  const now = new Date().toISOString();
  const sha = '0'.repeat(64);
  sqlite.prepare('INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, 0, ?)').run(sha, now);
  const message = sqlite.prepare(
    "INSERT INTO correspondence (case_id, direction, channel, sent_at, from_text, to_text, subject, body, message_id, created_at) VALUES (?, ?, 'email', ?, ?, ?, ?, ?, ?, ?)",
  );
  const attachment = sqlite.prepare(
    "INSERT INTO attachments (case_id, correspondence_id, sha256, filename, original_filename, content_type, size, role, text_status, created_at) VALUES (?, ?, ?, ?, ?, 'application/pdf', 0, 'correspondence', 'ok', ?)",
  );
  const index = sqlite.prepare('INSERT INTO search_index (case_id, kind, item_id, title, body) VALUES (?, ?, ?, ?, ?)');
  const ROWS = 64;
  const index64 = sqlite.prepare(`INSERT INTO search_index (case_id, kind, item_id, title, body) VALUES ${Array.from({ length: ROWS }, () => '(?, ?, ?, ?, ?)').join(', ')}`);
  const documents = corpus(cases, size, seed);
  let written = 0;
  // The index rows after the batch's other rows, many to a statement, as the app writes them
  // (search.repository.ts, deferIndexing): FTS5 writes out the terms it holds at every later
  // statement with a trigger or foreign key, so one row a statement would make a segment each.
  const batch = sqlite.transaction((slice: typeof cases) => {
    const entries: [number, string, number, string, string][] = [];
    for (const c of slice) {
      const d = documents.next().value as CaseDocuments;
      let lastMessage = 0;
      d.messages.forEach((m, i) => {
        lastMessage = Number(message.run(c.id, m.inbound ? 'in' : 'out', `${c.received_date}T09:00:00Z`, m.from, m.to, m.subject, m.body, `<${c.id}.${i}@bench>`, now).lastInsertRowid);
        const doc = messageDocument(m);
        entries.push([c.id, 'correspondence', lastMessage, doc.title, doc.body]);
      });
      for (const a of d.attachments) {
        const id = Number(attachment.run(c.id, lastMessage || null, sha, a.name, a.name, now).lastInsertRowid);
        entries.push([c.id, 'attachment', id, a.name, a.text]);
      }
      written += d.messages.length + d.attachments.length;
    }
    let at = 0;
    for (; at + ROWS <= entries.length; at += ROWS) index64.run(entries.slice(at, at + ROWS).flat());
    for (; at < entries.length; at++) index.run(...entries[at]!);
  });
  for (let at = 0; at < cases.length; at += 2000) batch(cases.slice(at, at + 2000));
  return written;
}
