// The worker file the app ships: a parse worker (serve-parse.ts); started with the role 'store', a
// writer of stored files (blob-writer.ts); with the role 'checkpoint', the copier of a large
// import's write-ahead log into its database (db/checkpoint.ts). Each loads only what its role
// needs (a writer has no use for the mail and PDF readers); messages sent meanwhile wait on the port.
import { workerData } from 'node:worker_threads';

const role = (workerData as { role?: string } | null)?.role;
if (role === 'store') void import('../blob-writer').then((m) => m.serveStore());
else if (role === 'checkpoint') void import('../db/checkpoint').then((m) => m.serveCheckpoint());
else void import('./serve-parse').then((m) => m.serveParse());
