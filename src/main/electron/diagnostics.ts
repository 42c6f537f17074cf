// What the app writes about itself for IT: a rotating log file with no personal data, and crash
// dumps kept on this computer only. No electron import: the rules are unit-tested under Node.
import type { CrashReporterStartOptions } from 'electron';

/** The log file is rotated at this size (one previous file is kept, so at most twice this). */
export const LOG_MAX_BYTES = 2 * 1024 * 1024;
export const LOG_FILE = 'disclose.log';

/** Crash dumps stay in the app's crashDumps folder; nothing is ever uploaded. */
export const CRASH_REPORTER_OPTIONS: CrashReporterStartOptions = { submitURL: '', uploadToServer: false, compress: true, ignoreSystemCrashHandler: false };

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const WINDOWS_PROFILE = /([A-Za-z]:\\(?:Users|Documents and Settings)\\)[^\\/\s"']+/g;
const UNIX_HOME = /(\/(?:home|Users)\/)[^/\s"']+/g;
const FILE_NAME = /[^\\/\s"']+\.(?:eml|msg|pdf|docx?|xlsx?|csv|txt|zip|png|jpe?g)\b/gi;

/** Log lines name events, counts and error codes. Anything that could still carry personal data
 * (an email address, a user name in a path, a file name, which is often a person's name) is masked. */
export function redact(text: string): string {
  return text
    .replace(EMAIL, '<email>')
    .replace(WINDOWS_PROFILE, '$1<user>')
    .replace(UNIX_HOME, '$1<user>')
    .replace(FILE_NAME, (name) => `<file${name.slice(name.lastIndexOf('.'))}>`);
}

/** The .eml and .msg files the app was asked to open (Open with Disclose, a double-click, a drop
 * on the icon), from a command line: Electron's own switches and the app path are skipped. */
export function messageFilesFromArgv(argv: readonly string[]): string[] {
  return argv.slice(1).filter((a) => !a.startsWith('-') && /\.(eml|msg)$/i.test(a));
}

/** The arguments after `--cli` when the app was started as the command line, else null. */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at < 0 ? null : argv.slice(at + 1);
}
