/**
 * "Tiêu chí": the rubric in use, with its actions — import a rubric file (it wins until
 * dropped) and write a built-in rubric of the user's choice as a "Tiêu chí" sheet for staff to
 * edit, which from then on is the workbook's rubric for the pane and the ribbon alike
 * (docs/trang-tieu-chi.md).
 */
import { Button, Field, Select } from '@fluentui/react-components';
import { ReactNode, useState } from 'react';
import type { ImportedRubric, WorkbookDescription } from '../../workbook/gateway';
import type { Strings } from '../strings';
import { FilePickButton } from './FilePickButton';

export interface RubricTabProps {
  description: WorkbookDescription | null;
  busy: boolean;
  imported: ImportedRubric | null;
  onImport: (file: File) => void;
  onDropImport: () => void;
  /** The built-in rubrics, the default first. */
  builtins: { id: string; name: string }[];
  onWriteRubric: (id: string) => void;
  strings: Strings;
  children?: ReactNode;
}

export function RubricTab(props: RubricTabProps) {
  const { description: d, busy, imported, strings } = props;
  const rubric = d?.rubric ?? null;
  // The built-in rubric in use, if one is; otherwise the default.
  const inUse = rubric?.source === 'builtin' ? rubric.id : null;
  const [chosen, setChosen] = useState<string | null>(null);
  const choice = chosen ?? inUse ?? props.builtins[0]?.id ?? '';
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
          <Field label={strings.builtinRubricLabel} style={{ minWidth: 0 }}>
            <Select
              value={choice}
              onChange={(_, data) => setChosen(data.value)}
              disabled={busy}
              // Long rubric names are cut at the pane's edge, not past it; the id comes first.
              root={{ style: { width: '100%', minWidth: 0 } }}
              style={{ width: '100%', minWidth: 0, textOverflow: 'ellipsis' }}
            >
              {props.builtins.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.id} — {b.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button size="small" onClick={() => props.onWriteRubric(choice)} disabled={busy || choice === ''}>
            {strings.writeRubric}
          </Button>
          <p className="muted small">{strings.writeRubricHint}</p>
        </>
      )}
      {props.children}
    </section>
  );
}
