/**
 * The language of the add-in: Vietnamese unless Office runs in English.
 */
import { en } from './en';
import { Strings, vi } from './vi';

export type { Strings };

export function stringsFor(displayLanguage: string | null | undefined): Strings {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? en : vi;
}
