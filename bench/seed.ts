// A register of N cases for the benchmarks, written in batches straight into the tables (cases,
// requesters, the received events and the search index), as years of casework would leave it.
/* eslint-disable @typescript-eslint/no-explicit-any -- rows for either engine */
import { sql, type Kysely } from 'kysely';

const WORDS = ['gritting', 'potholes', 'contracts', 'parking', 'libraries', 'salaries', 'consultants', 'flooding', 'schools', 'bins'];

/** N cases as a register of years holds them, written in batches straight into the tables. */
export async function seed(db: Kysely<any>, postgres: boolean, CASES: number, OFFICERS: number): Promise<void> {
  const now = new Date().toISOString();
  // One transaction per batch: on the team database each row written for a case takes a lock on
  // that case (a checked-out case refuses writes), and one transaction holds only so many.
  for (let at = 0; at < CASES; at += 1000) {
    await db.transaction().execute(async (tx) => {
      const n = Math.min(1000, CASES - at);
      const people = await tx
        .insertInto('requesters')
        .values(Array.from({ length: n }, (_, i) => ({ name: `Seeded requester ${at + i}`, email: `r${at + i}@example.org`, address: '', organisation: '', created_at: now })))
        .returning('id')
        .execute();
      const rows = people.map((p, i) => {
        const k = at + i;
        const year = 2018 + (k % 8);
        return { reference: `SEED/${year}/${String(k).padStart(6, '0')}`, regime: k % 4 === 0 ? 'eir' : 'foia', received_date: `${year}-0${1 + (k % 9)}-1${k % 9}`, requester_id: Number(p.id), summary: `${WORDS[k % WORDS.length]} request ${k}`, request_text: `Please send the ${WORDS[(k * 7) % WORDS.length]} records for ${year}.`, created_at: now, updated_at: now, officer: `o${String(1 + (k % OFFICERS)).padStart(2, '0')}` };
      });
      const cases = await tx.insertInto('cases').values(rows).returning(['id', 'received_date', 'reference', 'summary', 'request_text']).execute();
      await tx.insertInto('case_events').values(cases.map((c) => ({ case_id: c.id, type: 'received', date: c.received_date, recorded_at: now }))).execute();
      const index = cases.map((c) => ({ case_id: c.id, kind: 'case', item_id: c.id, title: `${c.reference} ${c.summary}`, body: c.request_text }));
      if (postgres) {
        await tx.insertInto('search_index').values(index.map((r) => ({ ...r, terms: sql`setweight(to_tsvector('simple', ${r.title}), 'A') || to_tsvector('simple', ${r.body})` }))).execute();
      } else await tx.insertInto('search_index').values(index).execute();
    });
  }
}

