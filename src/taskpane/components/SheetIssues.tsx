/**
 * What the engine says about the submission sheet as a whole, not about one unit — a value far
 * below the table that was not counted (docs/bang-tong-hop.md, "Cuối bảng và phần ghi chú"): the
 * command line's "Lưu ý" lines, each a button that selects its cell.
 */
import type { CompiledRubric } from '../../rubric/compiled';
import type { Issue } from '../../scoring/issues';
import type { Strings } from '../strings';
import { ProblemItemButton } from './ProblemItemButton';

export interface SheetIssuesProps {
  issues: Issue[];
  rubric: CompiledRubric;
  onSelect: (cell: string) => void;
  strings: Strings;
}

export function SheetIssues({ issues, rubric, onSelect, strings }: SheetIssuesProps) {
  if (issues.length === 0) return null;
  return (
    <ul className="issues sheet-issues" aria-label={strings.sheetIssuesTitle} data-testid="sheet-issues">
      {issues.map((issue, i) => (
        <li key={i} className={issue.severity}>
          <ProblemItemButton
            issue={issue}
            unit={null}
            rubric={rubric}
            cellLabel={issue.cell}
            onSelect={() => issue.cell && onSelect(issue.cell)}
            strings={strings}
          />
        </li>
      ))}
    </ul>
  );
}
