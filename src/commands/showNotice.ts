/**
 * Shows a message in a small Office dialog and resolves when it is closed (by its button, by
 * the user, or after a while) — or at once when the host cannot open one.
 */
import { CLOSE_MESSAGE } from './commandNames';

const AUTO_CLOSE_MS = 120_000;

export function showNotice(title: string, message: string): Promise<void> {
  const url = new URL('notice.html', window.location.href);
  url.searchParams.set('title', title);
  url.searchParams.set('message', message);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 35, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = opened.value;
      const done = () => {
        clearTimeout(timer);
        try {
          dialog.close();
        } catch {
          // Already closed by the user: nothing left to close.
        }
        resolve();
      };
      const timer = setTimeout(done, AUTO_CLOSE_MS);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if ('message' in arg && arg.message === CLOSE_MESSAGE) done();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
    });
  });
}
