/**
 * The ribbon's function file. "Chấm điểm" scores the submission sheet without opening the pane.
 *
 * Outcome: on success the results are in place and the first problem cell (else the block's
 * first cell) is selected on the scored sheet, so the user lands where the work is; an open task
 * pane sees the block change and shows the new result (WorkbookGateway.onResultsWritten). Nothing
 * else pops up, since staff score many times a day. On failure a small dialog says what happened
 * in words — including, when Excel stopped part-way, what the sheet holds now and why Excel stopped;
 * its title says what happened (scored, not scored, stopped part-way). `event.completed()`
 * is called on every path, after the dialog closes (the function file must stay alive while it
 * shows).
 */
import { failureText } from '../workbook/gateway';
import { officeFailure } from '../workbook/office/officeErrors';
import { createOfficeGateway, excelHost } from '../workbook/office/officeGateway';
import { parseSheetReference } from '../sheet/grid';
import { a1 } from '../sheet/grid';
import { firstProblemCell } from '../taskpane/problems';
import { stringsFor } from '../taskpane/strings';
import { SCORE_FUNCTION } from './commandNames';
import { showNotice } from './showNotice';

export async function scoreActiveSheet(event: Office.AddinCommands.Event): Promise<void> {
  const strings = stringsFor(Office.context.displayLanguage);
  try {
    const gateway = createOfficeGateway(excelHost(), strings.gateway);
    const outcome = await gateway.score();
    if (!outcome.ok) {
      const title = outcome.interrupted ? strings.command.interruptedTitle : strings.command.failedTitle;
      await showNotice(strings, title, failureText(outcome, strings.gateway), outcome.detail);
      return;
    }
    const { result, block } = outcome.value;
    const blockArea = parseSheetReference(block)?.area;
    const target = firstProblemCell(result) ?? (blockArea ? a1(blockArea.top, blockArea.left) : null);
    if (target) {
      const selected = await gateway.selectCell(result.sheet, target);
      // The results are written: only the landing cell could not be selected.
      if (!selected.ok) await showNotice(strings, strings.command.scoredTitle, selected.message, selected.detail);
    }
  } catch (e) {
    const failure = officeFailure(e, strings.gateway);
    await showNotice(strings, strings.command.failedTitle, failure.message, failure.detail);
  } finally {
    event.completed();
  }
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => undefined);
  Office.actions.associate(SCORE_FUNCTION, scoreActiveSheet);
}
