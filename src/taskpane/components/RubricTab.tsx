/**
 * "Tiêu chí": the rubric in use, with its actions — import a rubric file (it wins until
 * dropped) and write the built-in rubric as a "Tiêu chí" sheet for staff to edit.
 */
import { Button } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ImportedRubric, WorkbookDescription } from '../../workbook/gateway';
import type { Strings } from '../strings';
import { FilePickButton } from './FilePickButton';

export interface RubricTabProps {
  description: WorkbookDescription | null;
  busy: boolean;
  imported: ImportedRubric | null;
  onImport: (file: File) => void;
  onDropImport: () => void;
  onWriteRubric: () => void;
  strings: Strings;
  children?: ReactNode;
}

export function RubricTab(props: RubricTabProps) {
  const { description: d, busy, imported, strings } = props;
  const rubric = d?.rubric ?? null;
  return (
    <section aria-labelledby="rubric-title">
      <h2 id="rubric-title">{strings.rubricTitle}</h2>
      <p data-testid="rubric">
        {rubric ? (
          <>
            <strong>{strings.rubricSource[rubric.source]}</strong>
            {rubric.fileName ? ` (${rubric.fileName})` : ''}
            <span className="muted small block">
              {rubric.id} — {rubric.name}
            </span>
          </>
        ) : (
          <span>—</span>
        )}
      </p>
      <div className="actions">
        <FilePickButton accept=".json,application/json" disabled={busy} onFile={props.onImport} testId="rubric-file">
          {strings.rubricImport}
        </FilePickButton>
        {imported && (
          <Button size="small" onClick={props.onDropImport} disabled={busy}>
            {strings.rubricDrop}
          </Button>
        )}
      </div>
      <p className="muted small">{strings.rubricImportHint}</p>
      {d && !d.hasRubricSheet && (
        <>
          <Button size="small" onClick={props.onWriteRubric} disabled={busy}>
            {strings.writeRubric}
          </Button>
          <p className="muted small">{strings.writeRubricHint}</p>
        </>
      )}
      {props.children}
    </section>
  );
}
