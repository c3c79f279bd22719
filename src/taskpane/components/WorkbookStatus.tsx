/**
 * What Score will use: the sheet it will score and the rubric in use — with the rubric actions:
 * import a JSON file (wins until dropped) and write the built-in rubric as a "Tiêu chí" sheet.
 */
import { Button, Spinner } from '@fluentui/react-components';
import { useRef } from 'react';
import type { ImportedRubric, WorkbookDescription } from '../../workbook/gateway';
import type { Strings } from '../strings';

export interface WorkbookStatusProps {
  description: WorkbookDescription | null;
  loading: boolean;
  busy: boolean;
  imported: ImportedRubric | null;
  onRefresh: () => void;
  onImport: (file: File) => void;
  onDropImport: () => void;
  onWriteRubric: () => void;
  strings: Strings;
}

export function WorkbookStatus(props: WorkbookStatusProps) {
  const { description: d, loading, busy, imported, strings } = props;
  const fileInput = useRef<HTMLInputElement>(null);
  const rubric = d?.rubric ?? null;
  return (
    <section aria-labelledby="status-title" className="status">
      <h2 id="status-title" className="visually-hidden">
        {strings.sheetLabel}
      </h2>
      {loading && !d ? (
        <Spinner size="tiny" label={strings.loading} />
      ) : (
        <dl>
          <dt>{strings.sheetLabel}</dt>
          <dd data-testid="sheet">
            {d?.sheet ? <strong>{d.sheet}</strong> : <span>{strings.sheetNone}</span>}
            {d && d.sheet !== d.activeSheet && <div className="muted">{strings.activeSheetNote(d.activeSheet)}</div>}
          </dd>
          <dt>{strings.rubricLabel}</dt>
          <dd data-testid="rubric">
            {rubric ? (
              <>
                <strong>{strings.rubricSource[rubric.source]}</strong>
                {rubric.fileName ? ` (${rubric.fileName})` : ''}
                <div className="muted">
                  {rubric.id} — {rubric.name}
                </div>
              </>
            ) : (
              <span>—</span>
            )}
          </dd>
        </dl>
      )}
      <div className="actions">
        <Button size="small" onClick={props.onRefresh} disabled={busy}>
          {strings.refresh}
        </Button>
        <Button size="small" onClick={() => fileInput.current?.click()} disabled={busy}>
          {strings.rubricImport}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) props.onImport(file);
          }}
        />
        {imported && (
          <Button size="small" onClick={props.onDropImport} disabled={busy}>
            {strings.rubricDrop}
          </Button>
        )}
        {d && !d.hasRubricSheet && (
          <Button size="small" onClick={props.onWriteRubric} disabled={busy} title={strings.writeRubricHint}>
            {strings.writeRubric}
          </Button>
        )}
      </div>
      <p className="muted small">{strings.rubricImportHint}</p>
    </section>
  );
}
