/**
 * Shows a message in a small Office dialog (notice.html) and resolves when it is closed (by its
 * button, by the user, or after a while) — or at once when the host cannot open one. What the
 * dialog says travels in its address; the page sets it as text, never as markup.
 */
import type { Strings } from '../taskpane/strings';
import { CLOSE_MESSAGE } from './commandNames';

const AUTO_CLOSE_MS = 120_000;

export function noticeUrl(base: string, strings: Strings, title: string, message: string, detail?: string | null): string {
  const url = new URL('notice.html', base);
  url.searchParams.set('lang', strings.lang);
  url.searchParams.set('title', title);
  url.searchParams.set('message', message);
  url.searchParams.set('close', strings.command.close);
  if (detail) {
    url.searchParams.set('detailTitle', strings.technicalDetails);
    url.searchParams.set('detail', detail);
  }
  return url.toString();
}

export function showNotice(strings: Strings, title: string, message: string, detail?: string | null): Promise<void> {
  const url = noticeUrl(window.location.href, strings, title, message, detail);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url, { height: 35, width: 35, displayInIframe: true }, (opened) => {
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
