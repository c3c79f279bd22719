/**
 * The small dialog the ribbon command opens when Score could not run: the reason in words and a
 * Close button. Title and message come in the page's query string; they are set as text, never
 * as markup.
 */
import { stringsFor } from '../taskpane/strings';
import { CLOSE_MESSAGE } from './commandNames';

function show(): void {
  const params = new URLSearchParams(window.location.search);
  const strings = stringsFor(typeof Office !== 'undefined' ? Office.context?.displayLanguage : navigator.language);
  document.documentElement.lang = strings.lang;
  document.getElementById('title')!.textContent = params.get('title') ?? strings.command.failedTitle;
  document.getElementById('message')!.textContent = params.get('message') ?? '';
  const close = document.getElementById('close') as HTMLButtonElement;
  close.textContent = strings.command.close;
  close.addEventListener('click', () => Office.context.ui.messageParent(CLOSE_MESSAGE));
  close.focus();
}

if (typeof Office !== 'undefined') void Office.onReady(show);
