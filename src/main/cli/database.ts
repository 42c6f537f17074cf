// Which register a command works on: the team database named by --database (or the environment),
// else the local register in the data folder.
import { isPostgresUrl } from '../core/db/postgres';
import { str, UsageError, type Parsed } from './args';

/** The team database named by --database or DISCLOSE_DATABASE_URL; undefined for the local register. */
export function databaseUrl(parsed: Parsed): string | undefined {
  const url = str(parsed, 'database') ?? (process.env.DISCLOSE_DATABASE_URL || undefined);
  if (url !== undefined && !isPostgresUrl(url)) throw new UsageError('--database must be a postgres:// URL (the team database); leave it out for the local register in --data-dir');
  return url;
}
