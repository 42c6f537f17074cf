// Error codes that cross the process boundary. A message is for the officer; a code is for code.
export const ERROR_CODES = [
  'VALIDATION', // input that does not fit the contract (a bad date, an unknown regime, an empty name)
  'NOT_FOUND', // no such case or item
  'CONFLICT', // a duplicate: a reference already in use
  'NOT_CONFIGURED', // the authority has not been set up yet
  'DB_NOT_SQLITE', // the data file is not a Disclose database
  'DB_NEWER', // the database was written by a newer Disclose
  'DB_CORRUPT', // SQLite reports damage
  'IO', // a file could not be read or written
  'OFFLINE', // the team database cannot be reached
  'FORBIDDEN', // the team database refused: wrong login, or not this officer's to see or change
  'CHECKED_OUT', // the case is checked out to an officer's computer: read-only until it is checked in or released
  'CANCELLED', // the officer cancelled a dialog or a long task
  'INTERNAL', // a bug: anything unexpected
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Field-level problems for forms: path (e.g. "requester.name") -> message. */
  fields?: Record<string, string>;
}

/** Thrown inside main (core, CLI); turned into an `{ ok: false, error }` result at the boundary. */
export class DiscloseError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'DiscloseError';
    this.code = code;
    this.fields = fields;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
