// GOV.UK form fields: a label, an optional hint, an error message wired by aria-describedby.
import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The hint and the error message, with the ids that aria-describedby points at. */
function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
    </>
  );
}

function Wrapper({ id, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

export function TextInput(
  props: FieldProps & { value: string; onChange: (v: string) => void; type?: string; autoComplete?: string; width?: string; spellCheck?: boolean; list?: string },
) {
  const { id, value, onChange, type = 'text', autoComplete, width, spellCheck, hint, error, list } = props;
  return (
    <Wrapper {...props}>
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type={type}
        value={value}
        autoComplete={autoComplete ?? 'off'}
        spellCheck={spellCheck}
        list={list}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </Wrapper>
  );
}

export function TextArea(props: FieldProps & { value: string; onChange: (v: string) => void; rows?: number }) {
  const { id, value, onChange, rows = 5, hint, error } = props;
  return (
    <Wrapper {...props}>
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </Wrapper>
  );
}

export function Radios<T extends string>(props: {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  value: T;
  options: { value: T; label: string; hint?: string }[];
  onChange: (v: T) => void;
  inline?: boolean;
}) {
  const { id, legend, hint, error, value, options, onChange, inline } = props;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className={`govuk-radios govuk-radios--small${inline ? ' govuk-radios--inline' : ''}`}>
          {options.map((o, i) => (
            <div className="govuk-radios__item" key={o.value}>
              <input
                className="govuk-radios__input"
                id={i === 0 ? id : `${id}-${o.value}`}
                name={id}
                type="radio"
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? id : `${id}-${o.value}`}>
                {o.label}
              </label>
              {o.hint && (
                <div id={`${id}-${o.value}-hint`} className="govuk-hint govuk-radios__hint">
                  {o.hint}
                </div>
              )}
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkbox(props: { id: string; label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }) {
  const { id, label, hint, checked, onChange } = props;
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            name={id}
            type="checkbox"
            checked={checked}
            aria-describedby={hint ? `${id}-hint` : undefined}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint && (
            <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
