/**
 * The task pane's entry: waits for Office, picks the language, and renders the app with the
 * Excel gateway — or a message when the page is opened outside Excel.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createOfficeGateway, excelHost } from '../workbook/office/officeGateway';
import { App, NotInExcel } from './App';
import { stringsFor } from './strings';

function render(node: React.ReactNode, lang: string): void {
  document.documentElement.lang = lang;
  const root = createRoot(document.getElementById('root')!);
  root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

if (typeof Office === 'undefined') {
  render(<NotInExcel strings={stringsFor(navigator.language)} />, 'vi');
} else {
  void Office.onReady((info) => {
    const strings = stringsFor(Office.context?.displayLanguage);
    if (info.host !== Office.HostType.Excel) {
      render(<NotInExcel strings={strings} />, strings.lang);
      return;
    }
    render(<App gateway={createOfficeGateway(excelHost(), strings.gateway)} strings={strings} />, strings.lang);
  });
}
