/**
 * The pane follows Office's theme: Fluent's dark theme when Excel's task pane background is dark
 * (Office's Dark Grey and Black themes), its light theme otherwise. Colours in the pane's own
 * styles are Fluent's tokens (CSS variables set by FluentProvider), never fixed values.
 */
import { Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';

/** Whether a "#rrggbb" colour is dark (relative luminance below the middle). */
export function isDarkColour(colour: string | null | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour ?? '');
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.2;
}

export function themeFor(bodyBackground: string | null | undefined): Theme {
  return isDarkColour(bodyBackground) ? webDarkTheme : webLightTheme;
}
