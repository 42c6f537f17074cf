// The GOV.UK warning text: things the officer should check but may proceed with.
export function WarningText({ children }: { children: React.ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </div>
    </div>
  );
}
