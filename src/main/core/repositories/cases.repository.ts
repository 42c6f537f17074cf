import { sql, type Kysely, type Selectable } from 'kysely';
import { isPostgres } from '../db/engine';
import type { CasesTable, DB, RequestersTable } from '../db/schema';
import type { CaseRecord, Requester } from '../../../shared/domain/cases';
import type { Regime } from '../../../shared/domain/clocks/events';
import { DiscloseError } from '../../../shared/errors';

type CaseWithRequester = Selectable<CasesTable> & {
  requester_name: string;
  requester_email: string;
  requester_address: string;
  requester_organisation: string;
};

/** The one place rows become the domain's CaseRecord. */
export function caseRowToCase(r: CaseWithRequester): CaseRecord {
  return {
    reference: r.reference,
    regime: r.regime as Regime,
    received: r.received_date,
    requester: {
      name: r.requester_name,
      email: r.requester_email,
      address: r.requester_address,
      organisation: r.requester_organisation,
    },
    summary: r.summary,
    requestText: r.request_text,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    officer: r.officer,
    version: r.version,
  };
}

function selectCases(db: Kysely<DB>) {
  return db
    .selectFrom('cases')
    .innerJoin('requesters', 'requesters.id', 'cases.requester_id')
    .selectAll('cases')
    .select([
      'requesters.name as requester_name',
      'requesters.email as requester_email',
      'requesters.address as requester_address',
      'requesters.organisation as requester_organisation',
    ]);
}

export async function findCase(db: Kysely<DB>, reference: string): Promise<{ id: number; requesterId: number; record: CaseRecord } | undefined> {
  const row = await selectCases(db).where('cases.reference', '=', reference).executeTakeFirst();
  return row && { id: row.id, requesterId: row.requester_id, record: caseRowToCase(row) };
}

/** A case found by reference, as an operation resolves it once and passes it down. */
export type FoundCase = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export async function requireCase(db: Kysely<DB>, reference: string): Promise<FoundCase> {
  const found = await findCase(db, reference);
  if (!found) throw new DiscloseError('NOT_FOUND', `No case with reference ${reference}.`);
  return found;
}

export async function findCaseById(db: Kysely<DB>, id: number): Promise<FoundCase | undefined> {
  const row = await selectCases(db).where('cases.id', '=', id).executeTakeFirst();
  return row && { id: row.id, requesterId: row.requester_id, record: caseRowToCase(row) };
}

/** The case a write resolved, read back after it (it may have changed, never its id). */
export async function requireCaseById(db: Kysely<DB>, id: number): Promise<FoundCase> {
  const found = await findCaseById(db, id);
  if (!found) throw new DiscloseError('NOT_FOUND', 'The case was removed while it was being changed.');
  return found;
}

export async function getRequester(db: Kysely<DB>, id: number) {
  return db.selectFrom('requesters').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function referenceExists(db: Kysely<DB>, reference: string): Promise<boolean> {
  // On the team database a reference may belong to a case the login cannot see: asked past row-level security, yes or no.
  if (isPostgres(db)) return (await sql<{ taken: boolean }>`SELECT disclose_reference_taken(${reference}) AS taken`.execute(db)).rows[0]!.taken;
  const row = await db.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirst();
  return row !== undefined;
}

/** Takes the next number in a reference scope (call inside the creating transaction). */
export async function takeNextSequence(db: Kysely<DB>, scope: string): Promise<number> {
  const row = await db
    .insertInto('reference_counters')
    .values({ scope, last_seq: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet((eb) => ({ last_seq: eb('reference_counters.last_seq', '+', 1) })))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

export async function insertRequester(db: Kysely<DB>, r: Requester, now: string): Promise<number> {
  const row = await db
    .insertInto('requesters')
    .values({ name: r.name, email: r.email, address: r.address, organisation: r.organisation, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRequester(db: Kysely<DB>, id: number, r: Requester): Promise<void> {
  await db
    .updateTable('requesters')
    .set({ name: r.name, email: r.email, address: r.address, organisation: r.organisation } satisfies Partial<RequestersTable>)
    .where('id', '=', id)
    .execute();
}

export async function insertCase(
  db: Kysely<DB>,
  c: Omit<CaseRecord, 'requester' | 'createdAt' | 'updatedAt' | 'version'> & { requesterId: number },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('cases')
    .values({
      reference: c.reference,
      regime: c.regime,
      received_date: c.received,
      requester_id: c.requesterId,
      summary: c.summary,
      request_text: c.requestText,
      officer: c.officer,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCaseFields(
  db: Kysely<DB>,
  id: number,
  c: Pick<CaseRecord, 'regime' | 'received' | 'summary' | 'requestText'>,
  now: string,
): Promise<void> {
  await db
    .updateTable('cases')
    .set({ regime: c.regime, received_date: c.received, summary: c.summary, request_text: c.requestText, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/**
 * Other cases received between two dates, for the duplicate check; the domain compares names and
 * emails (SQLite's lower() folds only ASCII, and requesters are often named in other scripts).
 */
export async function casesReceivedBetween(db: Kysely<DB>, from: string, to: string, excludeId: number): Promise<CaseRecord[]> {
  const rows = await selectCases(db).where('cases.id', '!=', excludeId).where('cases.received_date', '>=', from).where('cases.received_date', '<=', to).execute();
  return rows.map(caseRowToCase);
}

export async function countCases(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
