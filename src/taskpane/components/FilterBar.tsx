/**
 * The filters: each sets the scored sheet's AutoFilter on one result column. What the last
 * filter did is said right below them.
 */
import { ToggleButton } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { FILTER_KINDS, FilterKind } from '../../workbook/gateway';
import type { Strings } from '../strings';

export interface FilterBarProps {
  active: FilterKind | null;
  disabled: boolean;
  onFilter: (kind: FilterKind) => void;
  strings: Strings;
  children?: ReactNode;
}

export function FilterBar({ active, disabled, onFilter, strings, children }: FilterBarProps) {
  return (
    <section aria-labelledby="filters-title">
      <h2 id="filters-title">{strings.filtersTitle}</h2>
      <div role="group" aria-labelledby="filters-title" className="filters">
        {FILTER_KINDS.map((kind) => (
          <ToggleButton
            key={kind}
            size="small"
            checked={active === kind}
            disabled={disabled}
            onClick={() => onFilter(kind)}
            data-filter={kind}
          >
            {strings.filters[kind]}
          </ToggleButton>
        ))}
      </div>
      {children}
    </section>
  );
}
