// GOV.UK form fields: a label, an optional hint, an error message wired by aria-describedby.
import { useEffect, useRef, useState, type ReactNode } from 'react';

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

type DateParts = { day: string; month: string; year: string };

function splitIso(value: string): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { day: '', month: '', year: '' };
}

/** Day, month and year as typed, as YYYY-MM-DD; incomplete or odd input stays invalid for the check to name. */
function joinParts(p: DateParts): string {
  if (!p.day && !p.month && !p.year) return '';
  const two = (s: string) => (s.length === 1 ? `0${s}` : s);
  return `${p.year}-${two(p.month)}-${two(p.day)}`;
}

/**
 * The GOV.UK date input pattern: day, month and year as three labelled fields in a fieldset (no
 * browser date picker, which shows mm/dd/yyyy on some systems). The day field carries `id`, so an
 * error summary link lands on it. `value` and `onChange` speak YYYY-MM-DD.
 */
export function DateInput(props: { id: string; legend: string; hint?: ReactNode; error?: string | undefined; value: string; onChange: (v: string) => void }) {
  const { id, legend, hint = 'For example, 27 3 2026', error, value, onChange } = props;
  const [parts, setParts] = useState<DateParts>(() => splitIso(value));
  useEffect(() => {
    // Follow a value set from outside (a reset after saving); our own typing already matches.
    if (joinParts(parts) !== value) setParts(splitIso(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only an outside change of value resets the parts
  }, [value]);
  const set = (k: keyof DateParts) => (v: string) => {
    const next = { ...parts, [k]: v.replace(/[^0-9]/g, '').slice(0, k === 'year' ? 4 : 2) };
    setParts(next);
    onChange(joinParts(next));
  };
  const fields: { k: keyof DateParts; label: string; fid: string; width: number }[] = [
    { k: 'day', label: 'Day', fid: id, width: 2 },
    { k: 'month', label: 'Month', fid: `${id}-month`, width: 2 },
    { k: 'year', label: 'Year', fid: `${id}-year`, width: 4 },
  ];
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className="govuk-date-input" id={`${id}-group`}>
          {fields.map((f) => (
            <div className="govuk-date-input__item" key={f.k}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={f.fid}>
                  {f.label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${f.width}${error ? ' govuk-input--error' : ''}`}
                  id={f.fid}
                  name={f.fid}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  value={parts[f.k]}
                  onChange={(e) => set(f.k)(e.target.value)}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * The GOV.UK success notification banner. It takes focus whenever `message` changes (keyed by
 * `seq`), so keyboard and screen-reader users land on what just happened (WCAG 2.4.3, 4.1.3).
 */
export function SuccessBanner({ message, seq, testId }: { message: string | null; seq: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message, seq]);
  if (!message) return null;
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby={`banner-${seq}-title`} tabIndex={-1} ref={ref} data-testid={testId}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={`banner-${seq}-title`}>
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}
