// A register of years written straight into the tables of a local register a core has created:
// N FOIA and EIR cases received 2020–2026, most answered within a fortnight, every seventh never
// answered. The core derives their dates when it first reads them.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/main/core/constants';

export function seedRegister(dataDir: string, cases: number): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  const now = '2026-11-20T10:00:00.000Z';
  const person = db.prepare("INSERT INTO requesters (name, email, address, organisation, created_at) VALUES (?, ?, '', '', ?)");
  const kase = db.prepare("INSERT INTO cases (reference, regime, received_date, requester_id, summary, request_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, ?)");
  const event = db.prepare('INSERT INTO case_events (case_id, type, date, outcome, recorded_at) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let k = 0; k < cases; k++) {
      const year = 2020 + (k % 7);
      const received = `${year}-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 27)).padStart(2, '0')}`;
      const requester = Number(person.run(`Requester ${k}`, `r${k}@example.org`, now).lastInsertRowid);
      const id = Number(kase.run(`FOI/${year}/${String(k).padStart(6, '0')}`, k % 5 === 0 ? 'eir' : 'foia', received, requester, `Seeded request ${k}`, now, now).lastInsertRowid);
      event.run(id, 'received', received, null, now);
      if (k % 7 !== 0) event.run(id, 'responded', `${received.slice(0, 8)}${String(Math.min(28, 1 + (k % 27) + 10)).padStart(2, '0')}`, 'granted', now);
    }
  })();
  db.close();
}
