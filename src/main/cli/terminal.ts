// What the command line prints comes partly from files (a subject line, a file name): escape
// sequences and control characters in it must not reach the terminal, where they could move the
// cursor, rewrite earlier lines or change the window title. They are shown as visible escapes.
// eslint-disable-next-line no-control-regex -- the point of the pattern is to find control characters
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** Text safe to print: newlines and tabs stay, every other control character becomes \uXXXX. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
