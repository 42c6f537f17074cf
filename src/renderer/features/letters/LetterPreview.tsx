// The letter as it will print, as text on the page, so the officer reads what the requester will.
import type { LetterView } from '../../../shared/domain/letters/view';
import { formatLongDate } from '../../../shared/domain/dates';

export function LetterPreview({ view }: { view: LetterView }) {
  return (
    <article className="app-letter" aria-label="Letter preview" data-testid="letter-preview">
      <div className="app-letter__head">
        <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{view.letterhead.name}</p>
        {view.letterhead.lines.map((l) => (
          <p className="govuk-body-s govuk-!-margin-bottom-0" key={l}>{l}</p>
        ))}
      </div>
      <div className="app-letter__address">
        <div>
          {view.recipient.map((l) => (
            <p className="govuk-body govuk-!-margin-bottom-0" key={l}>{l}</p>
          ))}
        </div>
        <div className="govuk-body-s">
          {view.references.map((r) => (
            <p className="govuk-!-margin-bottom-0" key={r.label}>{r.label}: {r.value}</p>
          ))}
          <p className="govuk-!-margin-bottom-0">Date: {formatLongDate(view.date)}</p>
        </div>
      </div>
      <p className="govuk-body govuk-!-font-weight-bold">{view.subject}</p>
      <p className="govuk-body">{view.salutation}</p>
      {view.blocks.map((b, i) => {
        switch (b.kind) {
          case 'paragraph':
            return <p className="govuk-body app-request-text" key={i}>{b.text}</p>;
          case 'quote':
            return <blockquote className="govuk-inset-text app-request-text" key={i}>{b.text}</blockquote>;
          case 'heading':
            return <p className="govuk-body govuk-!-font-weight-bold" key={i}>{b.text}</p>;
          case 'list':
            return (
              <ul className="govuk-list govuk-list--bullet" key={i}>
                {b.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            );
        }
      })}
      <p className="govuk-body">{view.closing}</p>
      <p className="govuk-body govuk-!-margin-top-6 govuk-!-margin-bottom-0">{view.signatory.name}</p>
      {view.signatory.title && <p className="govuk-body govuk-!-margin-bottom-0">{view.signatory.title}</p>}
      <p className="govuk-body">{view.signatory.authority}</p>
    </article>
  );
}
