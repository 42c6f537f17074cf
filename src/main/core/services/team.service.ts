// Allocation, internal notes and workload: the lead allocates each case to an officer, officers
// keep notes on their cases for colleagues (never part of a disclosure), and the dashboard shows
// each officer's load. On the team database the server enforces who may allocate (a lead).
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { CaseDetail } from '../../../shared/domain/cases';
import type { IsoDate } from '../../../shared/domain/dates';
import { requireCase } from '../repositories/cases.repository';
import { insertNote, listNotes, listOfficers, setOfficer, type CaseNote } from '../repositories/team.repository';
import { caseAfterWrite } from './cases.service';
import { countsByOfficer } from './case-list.service';
import { checkTeamAddress, writeConnection } from '../connection-setting';
import { openPostgres, parseDatabaseUrl } from '../db/postgres';
import { pendingPostgresMigrations } from '../db/migrate-postgres';

export interface Workload {
  officer: string | null;
  name: string;
  active: number;
  overdue: number;
  dueThisWeek: number;
  onHold: number;
}

export async function officers(ctx: CoreContext) {
  return listOfficers(ctx.db);
}

/** Allocates a case to an officer (a lead's decision; on the team database the server refuses anyone else). */
export async function assignCase(ctx: CoreContext, reference: string, officer: string): Promise<CaseDetail> {
  if (!ctx.lead) throw new DiscloseError('FORBIDDEN', 'Only a lead can allocate cases.');
  const team = ctx.engine === 'postgres' ? await listOfficers(ctx.db) : null;
  if (team && !team.some((o) => o.login === officer)) {
    throw new DiscloseError('VALIDATION', `${officer} is not an officer of this team. Add them first with "team officer add".`, { to: 'Not an officer of this team' });
  }
  const caseId = await ctx.write(async ({ db, audit, now }) => {
    const found = await requireCase(db, reference);
    const from = found.record.officer;
    if (from === officer) return found.id;
    await setOfficer(db, found.id, officer, now.toISOString());
    await audit({ action: 'case.assigned', caseId: found.id, summary: `Allocated to ${officer}${from ? ` (was ${from})` : ''}`, detail: { from, to: officer } });
    return found.id;
  });
  return caseAfterWrite(ctx, caseId);
}

export async function addNote(ctx: CoreContext, reference: string, text: string): Promise<CaseNote[]> {
  const body = text.normalize('NFC').trim();
  if (!body) throw new DiscloseError('VALIDATION', 'The note is empty.', { text: 'Enter the note' });
  const caseId = await ctx.write(async ({ db, audit, now, actor }) => {
    const found = await requireCase(db, reference);
    const id = await insertNote(db, found.id, actor, now.toISOString(), body);
    await audit({ action: 'case.note', caseId: found.id, summary: `Added an internal note (${body.length} characters)`, detail: { id } });
    return found.id;
  });
  return listNotes(ctx.db, caseId);
}

export async function caseNotes(ctx: CoreContext, reference: string): Promise<CaseNote[]> {
  return listNotes(ctx.db, (await requireCase(ctx.db, reference)).id);
}

/** Each officer's load: cases awaiting a response, overdue, due this week, on hold (counted by the database). */
export async function workload(ctx: CoreContext, today: IsoDate = ctx.today()): Promise<Workload[]> {
  const names = new Map((await listOfficers(ctx.db)).map((o) => [o.login, o.name]));
  const rows = (await countsByOfficer(ctx, today)).map((c) => ({
    officer: c.officer,
    name: c.officer ? (names.get(c.officer) ?? c.officer) : 'Not allocated',
    active: c.active,
    overdue: c.overdue,
    dueThisWeek: c['due-this-week'],
    onHold: c['on-hold'],
  }));
  return rows.filter((w) => w.active + w.onHold > 0 || w.officer !== null).sort((a, b) => (a.officer === null ? 1 : b.officer === null ? -1 : a.name.localeCompare(b.name)));
}

/** Tries a team database address as the app would open it, without switching to it. */
export async function testTeamDatabase(url: string) {
  checkTeamAddress(url);
  const opened = await openPostgres(url, { check: false });
  try {
    const pending = await pendingPostgresMigrations(opened.db, opened.display);
    return { database: opened.display, login: opened.login, lead: opened.lead, ready: pending.length === 0 };
  } finally {
    await opened.db.destroy();
  }
}

/** Chooses which register this machine's app opens from its next start: a team database (tested first) or its own. */
export async function chooseRegister(ctx: CoreContext, url: string | null) {
  if (url !== null) {
    const tested = await testTeamDatabase(url);
    if (!tested.ready) throw new DiscloseError('NOT_CONFIGURED', `The team database ${tested.database} has not been set up for this version of Disclose: ask your lead or IT to run "team init".`);
  }
  writeConnection(ctx.dataDir, url);
  return { database: url === null ? null : parseDatabaseUrl(url).display, restartNeeded: true };
}
