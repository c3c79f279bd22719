/**
 * "Xuất kết quả": the decision settings (saved with the workbook), the add-in's own sheets
 * written into the workbook (ranking, roadmap, weakest criteria), the decision draft, the result
 * letters and the ranking downloaded, and the summary paragraph to read or copy. Every button is
 * disabled while the year is not valid, and says why.
 */
import { Button, Field, Input } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { SettingsInput } from '../decisionSettingsInput';
import { type DecisionSettings, typedYear } from '../../report/settings';
import type { Strings } from '../strings';
import { SummaryParagraph } from './SummaryParagraph';

export type DownloadKind = 'docx' | 'letters' | 'csv' | 'json';

export interface ExportSectionProps {
  settings: SettingsInput;
  /** What a blank field means: the defaults of the rubric the result was scored with. */
  defaults: DecisionSettings;
  onSettings: (next: SettingsInput) => void;
  summary: string;
  busy: boolean;
  /** The add-in's own sheets the write button makes, by their usual names. */
  ownSheets: string[];
  onWriteOwnSheets: () => void;
  onDownload: (kind: DownloadKind) => void;
  onCopy: (text: string) => void;
  /** The settings are saved with the workbook (shown quietly under the form). */
  saved: boolean;
  strings: Strings;
  /** What the section's last action said. */
  children?: ReactNode;
}

export function ExportSection(props: ExportSectionProps) {
  const { settings, defaults, strings, busy } = props;
  const s = strings.settings;
  const yearInvalid = settings.year.trim() !== '' && typedYear(settings.year) === null;
  const disabled = busy || yearInvalid;
  const field = (key: keyof SettingsInput) => ({
    value: settings[key],
    onChange: (_: unknown, data: { value: string }) => props.onSettings({ ...settings, [key]: data.value }),
  });
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{strings.exportTitle}</h2>
      <p className="muted small">{strings.exportHint}</p>

      <fieldset className="settings">
        <legend>{strings.settingsTitle}</legend>
        <p className="muted small">{strings.settingsHint}</p>
        <Field label={s.province}>
          <Input {...field('province')} placeholder={defaults.province} data-setting="province" />
        </Field>
        <Field
          label={s.year}
          hint={s.yearHint(defaults.year)}
          validationState={yearInvalid ? 'error' : 'none'}
          validationMessage={yearInvalid ? s.yearInvalid : undefined}
        >
          <Input {...field('year')} inputMode="numeric" placeholder={String(defaults.year)} data-setting="year" />
        </Field>
        <Field label={s.decisionNumber} hint={s.decisionNumberHint}>
          <Input {...field('decisionNumber')} placeholder={defaults.decisionNumber} data-setting="decisionNumber" />
        </Field>
        <Field label={s.committee}>
          <Input {...field('committee')} placeholder={defaults.committee} data-setting="committee" />
        </Field>
        <Field label={s.department}>
          <Input {...field('department')} placeholder={defaults.department} data-setting="department" />
        </Field>
        <p className="muted small" data-testid="settings-saved">
          {props.saved ? strings.settingsSaved : ''}
        </p>
      </fieldset>

      <div className="actions export-actions">
        <Button
          appearance="primary"
          disabledFocusable={disabled}
          onClick={props.onWriteOwnSheets}
          aria-describedby="own-sheets-hint"
          data-testid="write-own-sheets"
        >
          {strings.writeOwnSheets}
        </Button>
      </div>
      <p id="own-sheets-hint" className="muted small">
        {strings.ownSheetsHint(props.ownSheets)}
      </p>
      <div className="actions export-actions">
        <Button disabledFocusable={disabled} onClick={() => props.onDownload('docx')} data-testid="download-docx">
          {strings.downloadDocx}
        </Button>
        <Button disabledFocusable={disabled} onClick={() => props.onDownload('letters')} data-testid="download-letters">
          {strings.downloadLetters}
        </Button>
        <Button disabledFocusable={disabled} onClick={() => props.onDownload('csv')} data-testid="download-csv">
          {strings.downloadCsv}
        </Button>
      </div>
      <details className="more">
        <summary>{strings.downloadMore}</summary>
        <Button size="small" disabledFocusable={disabled} onClick={() => props.onDownload('json')} data-testid="download-json">
          {strings.downloadJson}
        </Button>
      </details>
      {props.children}

      <SummaryParagraph text={props.summary} onCopy={props.onCopy} strings={strings} />
    </section>
  );
}
