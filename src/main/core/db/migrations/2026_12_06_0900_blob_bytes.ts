// Small stored files kept inside the local register (blobs.ts, INLINE_MAX_BYTES). Each file in the
// folder store costs the system a dozen operations, its own sync among them: some 0.3–0.6 ms a
// file, and an import of 10,000 emails stores some 15,000 files. Kept in the database, the files of
// one write are made durable by that write's one commit, with the rows that name them: no file can
// be left without its row, nor a row without its file. A file is still checked against its
// SHA-256 whenever it is read. Larger files stay in the folder, where they can be read without the
// database holding them whole. Files stored before stay where they are.
//
// `data` is the whole file. A row goes with its `blobs` row: deleting that row (retention, the
// removal of unreferenced files) deletes the bytes in the same transaction.
//
// The team database already keeps every file in the database (`blob_chunks`): nothing changes there.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE blob_bytes (
    sha256 TEXT PRIMARY KEY REFERENCES blobs (sha256) ON DELETE CASCADE,
    data BLOB NOT NULL
  ) STRICT`.execute(db);
}

export async function postgres(_db: Kysely<any>): Promise<void> {
  // The team database's files are in blob_chunks already.
}
