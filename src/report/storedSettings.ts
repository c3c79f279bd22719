/**
 * The decision settings staff typed in the task pane, kept with the workbook (the add-in's
 * document settings) so that they come back when the pane opens again, and so that the command
 * line's `--docx` drafts the same decision from the same file. Only what staff typed is stored;
 * blank fields keep their defaults (report/settings).
 *
 * Excel keeps an add-in's document settings in the package part `xl/webextensions/webextension*.xml`
 * as `<we:property name="KEY" value="JSON"/>`: the value is the JSON text of what the add-in stored.
 */
import { z } from 'zod';

/** The document-settings key under which the pane stores the decision settings. */
export const DOCUMENT_SETTINGS_KEY = 'cqdt.quyetDinh';

const text = z.string().max(500);

export const storedSettingsSchema = z.object({
  province: text.optional(),
  /** The evaluated year as typed ("2025"); blank means the scored sheet's year. */
  year: text.optional(),
  decisionNumber: text.optional(),
  committee: text.optional(),
  department: text.optional(),
  /** The reviewer last named on the appraisal form. */
  reviewer: text.optional(),
});

export type StoredSettings = z.infer<typeof storedSettingsSchema>;

/** Whether two stored settings say the same (a field absent is a field left blank). */
export function sameStoredSettings(a: StoredSettings, b: StoredSettings): boolean {
  const keys = Object.keys(storedSettingsSchema.shape) as (keyof StoredSettings)[];
  return keys.every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

/**
 * What a document-settings value holds, or null when it is absent or not ours to trust (a
 * damaged value is ignored rather than stopping Score or the draft).
 */
export function parseStoredSettings(value: unknown): StoredSettings | null {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const parsed = storedSettingsSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
