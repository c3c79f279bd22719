/**
 * The heavy parts the pane needs only on demand, each its own webpack chunk so that the pane
 * opens fast: the decision draft and the result letters, which share the Word writer (docx, a part of
 * its own), and the .xlsx package reader (fflate, saxes) for last year's workbook.
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

export const loadUnitLetters = () => load(() => import(/* webpackChunkName: "unit-letters" */ '../export/unitLetters'));

export const loadPreviousWorkbook = () =>
  load(() => import(/* webpackChunkName: "previous-workbook" */ '../workbook/xlsx/previousYear'));
