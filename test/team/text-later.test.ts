// The text of a large import's PDFs on the team database, read by an officer who is not a lead:
// their app may record it (the officers' grant covers the text columns); at open an app reads only
// the pending files of the cases allocated to its officer; a case checked out is read on the
// laptop, and its check-in carries the text back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Core } from '../../src/main/core';
import { TEXT_AT_ONCE_UP_TO } from '../../src/main/core/services/import.service';
import { ok, tempDir } from '../helpers/core';
import { freshTeamSchema } from '../helpers/team';
import { checkIn, checkOut, makeTeam, openCopies, type Team } from '../helpers/checkout';

let team: Team;
let folder: string;
let chosen: string[] = [];
const host = { chooseFiles: async () => chosen, chooseSavePath: async () => null, printPdf: async () => true };

beforeAll(async () => {
  const { url, schema } = await freshTeamSchema();
  team = await makeTeam(url, schema);
  folder = tempDir('disclose-folder-');
});
afterAll(async () => {
  await team?.close();
});

async function letters(prefix: string, n: number): Promise<string[]> {
  const paths: string[] = [];
  for (let i = 1; i <= n; i++) {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText(`${prefix}${i} is the word of this letter.`, { x: 60, y: 760, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
    const path = join(folder, `${prefix}-${i}.pdf`);
    writeFileSync(path, await doc.save());
    paths.push(path);
  }
  return paths;
}

const markPending = (reference: string) =>
  team.sql('admin', "UPDATE attachments SET text_status = 'pending' WHERE case_id = (SELECT id FROM cases WHERE reference = $1)", [reference]);

/** A case of bob's with a large import of letters whose text is read, then marked pending again (as if the app had stopped first). */
async function caseWithLetters(prefix: string, received: string, pendingAgain: boolean): Promise<{ bob: Core; reference: string }> {
  const bob = await team.core('bob', { host });
  const reference = ok(await bob.invoke('cases:create', { regime: 'foia', received, requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' }, summary: `Letters ${prefix}` })).reference;
  chosen = await letters(prefix, TEXT_AT_ONCE_UP_TO + 1);
  ok(await bob.invoke('correspondence:importChosen', { reference, role: 'evidence' }));
  await bob.textRead();
  if (pendingAgain) await markPending(reference);
  return { bob, reference };
}

const statuses = async (core: Core, reference: string) => ok(await core.invoke('correspondence:list', { reference })).direct.map((a) => a.textStatus);

describe('text read later on the team database', () => {
  it("an officer's own app records the text of the PDFs of a large import", async () => {
    const { bob, reference } = await caseWithLetters('saltbox', '2026-11-02', false);
    expect(new Set(await statuses(bob, reference))).toEqual(new Set(['ok']));
    expect(ok(await bob.invoke('search:query', { query: 'saltbox7' })).map((h) => h.title)).toEqual(['saltbox-7.pdf']);
  });

  it("at open an app reads the pending files of its officer's cases only", async () => {
    const { reference } = await caseWithLetters('gritbin', '2026-11-03', true);

    const alice = await team.core('alice', { readPendingText: true });
    await alice.textRead();
    expect(ok(await alice.invoke('text:pending', { reference })).pending).toBe(TEXT_AT_ONCE_UP_TO + 1);

    const bobAgain = await team.core('bob', { readPendingText: true });
    await bobAgain.textRead();
    expect(ok(await bobAgain.invoke('text:pending', { reference })).pending).toBe(0);
    expect(ok(await bobAgain.invoke('search:query', { query: 'gritbin3' })).map((h) => h.title)).toEqual(['gritbin-3.pdf']);
  });

  it('a case checked out with its text pending is read on the laptop, and the check-in carries the text back', async () => {
    const { reference } = await caseWithLetters('binround', '2026-11-04', true);

    const dir = tempDir();
    await checkOut(team, 'bob', dir, [reference]);
    // The server's copy cannot be changed while the case is out: a reader there leaves it pending.
    const lee = await team.core('lee');
    expect(ok(await lee.invoke('text:read', {})).pending).toBe(TEXT_AT_ONCE_UP_TO + 1);
    const laptop = await openCopies(dir, { readPendingText: true });
    await laptop.textRead();
    expect(new Set(await statuses(laptop, reference))).toEqual(new Set(['ok']));
    await laptop.close();

    const back = await checkIn(team, 'bob', dir, [reference]);
    expect(back.cases).toEqual([expect.objectContaining({ reference })]);
    expect(new Set(await statuses(lee, reference))).toEqual(new Set(['ok']));
    expect(ok(await lee.invoke('search:query', { query: 'binround5' })).map((h) => h.title)).toEqual(['binround-5.pdf']);
  });
});
