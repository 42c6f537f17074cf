// The view model of a letter: everything the PDF renderer lays out, and nothing it has to look up.
// Built by pure functions in this folder from the case and the authority's settings.
import type { IsoDate } from '../dates';

/** A body block: a paragraph of prose, a quoted passage (the request as asked), or a heading. */
export type LetterBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: string[] };

export interface LetterView {
  /** PDF metadata title, e.g. "Acknowledgement FOI/2026/0001". */
  title: string;
  /** The letter's date, printed as "12 April 2012" and used as the PDF's creation date. */
  date: IsoDate;
  letterhead: {
    /** The authority's name, printed large at the top. */
    name: string;
    /** Postal address lines, then contact lines (email). */
    lines: string[];
  };
  /** The addressee block: name, organisation, postal address lines, email when no address. */
  recipient: string[];
  /** "Our reference: FOI/2026/0001" and similar, printed above the date (the renderer adds the date). */
  references: { label: string; value: string }[];
  /** Bold subject line, e.g. "Freedom of Information request FOI/2026/0001". */
  subject: string;
  salutation: string;
  blocks: LetterBlock[];
  closing: string;
  signatory: { name: string; title: string; authority: string };
}
