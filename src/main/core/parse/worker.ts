// The worker file the app ships: a parse worker (serve-parse.ts), or, started with the role
// 'store', a writer of stored files (blob-writer.ts). Each loads only what its role needs (a writer
// has no use for the mail and PDF readers); messages sent meanwhile wait on the port.
import { workerData } from 'node:worker_threads';

if ((workerData as { role?: string } | null)?.role === 'store') void import('../blob-writer').then((m) => m.serveStore());
else void import('./serve-parse').then((m) => m.serveParse());
