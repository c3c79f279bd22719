/**
 * The pane's tab bar, as WAI-ARIA's tabs pattern: one tab stop (the selected tab), arrow keys,
 * Home and End move between tabs and show them. Written here rather than Fluent's TabList, whose
 * focus helpers put hidden focusable elements inside the tab list (which accessibility checkers
 * rightly flag), and so that five Vietnamese labels can wrap onto two rows in a 320 px pane.
 */
import { KeyboardEvent, useRef } from 'react';

export interface PaneTab<Id extends string> {
  id: Id;
  label: string;
}

export interface PaneTabsProps<Id extends string> {
  tabs: PaneTab<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
}

export function PaneTabs<Id extends string>({ tabs, selected, onSelect, label }: PaneTabsProps<Id>) {
  const refs = useRef(new Map<Id, HTMLButtonElement>());
  const move = (e: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? index === last
          ? 0
          : index + 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? index === 0
            ? last
            : index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    onSelect(tabs[next].id);
    refs.current.get(tabs[next].id)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs">
      {tabs.map((tab, i) => (
        <button
          key={tab.id}
          ref={(el) => {
            if (el) refs.current.set(tab.id, el);
          }}
          type="button"
          role="tab"
          id={`tab-${tab.id}`}
          aria-selected={tab.id === selected}
          aria-controls={`panel-${tab.id}`}
          tabIndex={tab.id === selected ? 0 : -1}
          className="tab"
          data-tab={tab.id}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(e) => move(e, i)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
