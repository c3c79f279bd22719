/**
 * The filters: each sets the scored sheet's AutoFilter on one result column.
 */
import { ToggleButton } from '@fluentui/react-components';
import { FILTER_KINDS, FilterKind } from '../../workbook/gateway';
import type { Strings } from '../strings';

export interface FilterBarProps {
  active: FilterKind | null;
  disabled: boolean;
  onFilter: (kind: FilterKind) => void;
  strings: Strings;
}

export function FilterBar({ active, disabled, onFilter, strings }: FilterBarProps) {
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
    </section>
  );
}
