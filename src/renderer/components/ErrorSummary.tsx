// The GOV.UK error summary: focused when it appears, each error a link to its field.
import { useEffect, useRef } from 'react';

export function ErrorSummary({ errors, message }: { errors: Record<string, string>; message?: string | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const visible = entries.length > 0 || !!message;
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, message, entries.length]);
  if (!visible) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} role="alert">
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          {message && entries.length === 0 && <p className="govuk-body">{message}</p>}
          {entries.length > 0 && (
            <ul className="govuk-list govuk-error-summary__list">
              {entries.map(([field, text]) => (
                <li key={field}>
                  <a href={`#${field}`} onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(field)?.focus();
                  }}>
                    {text}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
