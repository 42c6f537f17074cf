// GOV.UK tabs as an ARIA tablist: arrow keys move between tabs, the panel follows the selection.
import { useRef, type ReactNode, type KeyboardEvent } from 'react';

export interface Tab {
  id: string;
  label: string;
  render: () => ReactNode;
}

export function Tabs({ tabs, selected, onSelect, title }: { tabs: Tab[]; selected: string; onSelect: (id: string) => void; title: string }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const index = Math.max(0, tabs.findIndex((t) => t.id === selected));
  const onKey = (e: KeyboardEvent) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = tabs[(index + delta + tabs.length) % tabs.length]!;
    onSelect(next.id);
    refs.current[next.id]?.focus();
  };
  const current = tabs[index]!;
  return (
    <div className="govuk-tabs app-tabs">
      <h2 className="govuk-tabs__title">{title}</h2>
      <div className="govuk-tabs__list" role="tablist" aria-label={title} onKeyDown={onKey}>
        {tabs.map((t) => (
          <span key={t.id} className={`govuk-tabs__list-item${t.id === current.id ? ' govuk-tabs__list-item--selected' : ''}`}>
            <button
              type="button"
              role="tab"
              className="govuk-tabs__tab app-tabs__tab"
              id={`tab-${t.id}`}
              aria-controls={`panel-${t.id}`}
              aria-selected={t.id === current.id}
              tabIndex={t.id === current.id ? 0 : -1}
              ref={(el) => {
                refs.current[t.id] = el;
              }}
              onClick={() => onSelect(t.id)}
            >
              {t.label}
            </button>
          </span>
        ))}
      </div>
      <div className="govuk-tabs__panel" role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} tabIndex={0}>
        {current.render()}
      </div>
    </div>
  );
}
