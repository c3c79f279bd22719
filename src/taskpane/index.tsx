/**
 * The task pane's entry: waits for Office, picks the language and the theme, checks that this
 * Excel has what the add-in needs, and renders the app with the Excel gateway — or a message
 * when the page is opened outside Excel or in an Excel too old (docs/trien-khai.md).
 *
 * On webviews too old for this bundle (Internet Explorer, Edge before Chromium) the inline
 * script of taskpane.html has already said so, in words, and marked the page: nothing runs here.
 */
import { FluentProvider } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { MIN_EXCEL_API } from '../workbook/gateway';
import { createOfficeGateway, excelHost } from '../workbook/office/officeGateway';
import { App, PaneNotice } from './App';
import type { Platform } from './exportActions';
import { stringsFor } from './strings';
import { isDarkColour, themeFor } from './theme';

function render(node: ReactNode, lang: string, background: string | null): void {
  const theme = themeFor(background);
  document.documentElement.lang = lang;
  // The page behind the provider takes the theme's background too (no white edge in dark mode).
  document.body.style.background = theme.colorNeutralBackground1;
  document.body.style.colorScheme = isDarkColour(background) ? 'dark' : 'light';
  const root = createRoot(document.getElementById('root')!);
  root.render(
    <FluentProvider theme={theme} className="provider">
      {node}
    </FluentProvider>,
  );
}

const unsupportedWebview = document.documentElement.classList.contains('cqdt-unsupported');

if (unsupportedWebview) {
  // The inline script has shown its message.
} else if (typeof Office === 'undefined') {
  const strings = stringsFor(navigator.language);
  render(<PaneNotice title={strings.appTitle} text={strings.notInExcel} />, strings.lang, null);
} else {
  void Office.onReady((info) => {
    const strings = stringsFor(Office.context?.displayLanguage);
    const background = Office.context?.officeTheme?.bodyBackgroundColor ?? null;
    if (info.host !== Office.HostType.Excel) {
      render(<PaneNotice title={strings.appTitle} text={strings.notInExcel} />, strings.lang, background);
      return;
    }
    if (!Office.context.requirements.isSetSupported('ExcelApi', MIN_EXCEL_API)) {
      render(<PaneNotice title={strings.appTitle} text={strings.unsupportedOffice} />, strings.lang, background);
      return;
    }
    const platform: Platform = info.platform === Office.PlatformType.OfficeOnline ? 'web' : 'desktop';
    render(
      <App gateway={createOfficeGateway(excelHost(), strings.gateway)} strings={strings} platform={platform} />,
      strings.lang,
      background,
    );
  });
}
