/**
 * The heavy parts the pane needs only on demand, each its own webpack chunk so that the pane
 * opens fast: the Word writer (docx) for the decision draft, the .xlsx package reader (fflate, saxes) for last year's workbook.
 * A chunk that cannot be fetched (offline, blocked) comes back as a message, never a throw.
 */
import type { Outcome } from '../workbook/gateway';

async function load<T>(importer: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await importer() };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

export const loadDecisionDraft = () => load(() => import(/* webpackChunkName: "decision-draft" */ '../export/decisionDraft'));

export const loadPreviousWorkbook = () =>
  load(() => import(/* webpackChunkName: "previous-workbook" */ '../workbook/xlsx/previousYear'));
