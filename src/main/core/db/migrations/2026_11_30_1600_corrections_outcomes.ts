// Corrections by voiding, and the outcome of a response or review. A mistaken event or item of
// correspondence is never deleted: it is voided with who, when and why, stays in the record and
// drives no clock. The outcome (granted, refused, s12…) is kept on the event that records it, for
// the letters and the statistics. The shipped default reference format becomes one prefix per
// regime ({regime} gives FOI, EIR, EISR, FOISA or SAR); an authority's own format is left alone.
// Frozen: later changes are new migrations.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE case_events ADD COLUMN outcome TEXT`,
    sql`ALTER TABLE case_events ADD COLUMN voided_at TEXT`,
    sql`ALTER TABLE case_events ADD COLUMN voided_by TEXT`,
    sql`ALTER TABLE case_events ADD COLUMN void_reason TEXT`,
    sql`ALTER TABLE correspondence ADD COLUMN voided_at TEXT`,
    sql`ALTER TABLE correspondence ADD COLUMN voided_by TEXT`,
    sql`ALTER TABLE correspondence ADD COLUMN void_reason TEXT`,
    sql`UPDATE settings SET reference_format = '{regime}/{yyyy}/{seq:4}' WHERE reference_format = 'FOI/{yyyy}/{seq:4}'`,
  ];
  for (const s of statements) await s.execute(db);
}

export const postgres = up;
