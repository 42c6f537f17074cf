// Saved emails for the import tests: a plain text part and one attachment, base64 in lines of 76.
export interface TestEmail {
  from: string;
  to: string;
  subject: string;
  messageId: string;
  text: string;
  attachment: { name: string; type: string; bytes: Buffer };
}

export function emailWithAttachment(m: TestEmail): Buffer {
  return Buffer.from(
    [
      `From: ${m.from}`,
      `To: ${m.to}`,
      `Subject: ${m.subject}`,
      `Message-ID: <${m.messageId}>`,
      'Date: Mon, 2 Nov 2026 09:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      m.text,
      '--b',
      `Content-Type: ${m.attachment.type}; name="${m.attachment.name}"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="${m.attachment.name}"`,
      '',
      m.attachment.bytes.toString('base64').replace(/.{76}/g, '$&\r\n'),
      '--b--',
      '',
    ].join('\r\n'),
  );
}
