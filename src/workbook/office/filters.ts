/**
 * The task pane's filters (docs/bang-tong-hop.md, "Bộ lọc"): each is a condition on one result column,
 * "Cần chú ý" or "Trạng thái", found by its title in the block's header row.
 */
import { ATTENTION, STATUS_TEXT } from '../../report/resultBlock';
import type { FilterKind } from '../gateway';

export const ATTENTION_TITLE = 'Cần chú ý';
export const STATUS_TITLE = 'Trạng thái';

export interface FilterCondition {
  column: string;
  criteria: Excel.FilterCriteria;
}

/** The condition of a filter; null for "all" (every criterion cleared). */
export function filterCondition(kind: FilterKind): FilterCondition | null {
  switch (kind) {
    case 'all':
      return null;
    case 'attention':
      // "<>" keeps the non-blank cells: every row that needs a look.
      return { column: ATTENTION_TITLE, criteria: { filterOn: 'Custom', criterion1: '<>' } };
    case 'missing':
      return { column: STATUS_TITLE, criteria: { filterOn: 'Values', values: [STATUS_TEXT.missing] } };
    case 'notRanked':
      return { column: ATTENTION_TITLE, criteria: { filterOn: 'Values', values: [ATTENTION.notRanked] } };
    case 'errors':
      return { column: STATUS_TITLE, criteria: { filterOn: 'Values', values: [STATUS_TEXT.error] } };
  }
}
