/**
 * The ribbon's function file. "Chấm điểm" scores the submission sheet without opening the pane.
 *
 * Outcome: on success the results are in place and the first problem cell (else the block's
 * first cell) is selected on the scored sheet, so the user lands where the work is; nothing
 * else pops up, since staff score many times a day. On failure nothing changed in the sheet, so
 * a small dialog says why in words. `event.completed()` is called on every path, after the
 * dialog closes (the function file must stay alive while it shows).
 */
import { createOfficeGateway, describeError, excelHost } from '../workbook/office/officeGateway';
import { parseSheetReference } from '../workbook/office/references';
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
      await showNotice(strings.command.failedTitle, outcome.message);
      return;
    }
    const { result, block } = outcome.value;
    const blockArea = parseSheetReference(block)?.area;
    const target = firstProblemCell(result) ?? (blockArea ? a1(blockArea.top, blockArea.left) : null);
    if (target) {
      const selected = await gateway.selectCell(result.sheet, target);
      if (!selected.ok) await showNotice(strings.command.failedTitle, selected.message);
    }
  } catch (e) {
    await showNotice(strings.command.failedTitle, strings.gateway.excelFailed(describeError(e)));
  } finally {
    event.completed();
  }
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => undefined);
  Office.actions.associate(SCORE_FUNCTION, scoreActiveSheet);
}
