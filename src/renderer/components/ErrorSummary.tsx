// The GOV.UK error summary: focused when it appears, each error a link to its field.
import { useEffect, useRef } from 'react';

/**
 * While a page shows an error, its title starts "Error: " (GOV.UK error summary and error page
 * patterns), so a screen-reader user hears it first; the title is put back when the error goes.
 */
export function useErrorTitle(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    if (!document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`;
    return () => {
      document.title = document.title.replace(/^Error: /, '');
    };
  }, [active]);
}

/** For a page that is itself an error (a case that does not exist). */
export function ErrorTitle() {
  useErrorTitle(true);
  return null;
}

export function ErrorSummary({ errors, message }: { errors: Record<string, string>; message?: string | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const visible = entries.length > 0 || !!message;
  useErrorTitle(visible);
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
