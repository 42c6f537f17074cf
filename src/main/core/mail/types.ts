// The plain data an email file becomes, whichever format it came in. Nothing here touches the
// database or the UI: importers store it, the renderer shows it.

export interface ParsedAttachment {
  filename: string; // already passed through safeFilename
  contentType: string;
  bytes: Uint8Array;
  inline: boolean; // shown in the body (a cid: image) rather than listed as a separate file
  contentId: string | null; // without angle brackets, so html `cid:` links can be matched
}

export interface ParsedMessage {
  format: 'eml' | 'msg';
  messageId: string | null; // without angle brackets, trimmed
  date: string | null; // ISO instant (UTC 'Z'), null if absent/unparseable
  from: string; // "Name <addr>" or addr
  to: string[];
  cc: string[];
  subject: string;
  headers: [string, string][]; // every header, in order, as sent (for the regulator: "headers included")
  text: string; // the plain-text body; from HTML when there is only HTML
  html: string | null;
  attachments: ParsedAttachment[]; // including inline images and attached messages
  warnings: string[]; // what could not be read, in plain English
}

/**
 * The bytes are not an email at all (empty, a PDF, an image, not a compound file...). Callers treat
 * the file as a plain attachment instead. Damaged emails do not throw: they come back with warnings.
 */
export class MailParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailParseError';
  }
}
