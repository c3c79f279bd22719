/**
 * Excel's errors in words: each code Excel gives (OfficeExtension.Error.code) is told apart and
 * gets a sentence a user can act on; Excel's own message, and where it happened, go into the
 * technical detail behind "Chi tiết kỹ thuật" (docs/huong-dan-su-dung.md).
 */
import type { Failure, GatewayMessages, OfficeErrorKind } from '../gateway';

const KINDS: Record<string, OfficeErrorKind> = {
  InvalidOperationInCellEditMode: 'cellEditMode',
  AccessDenied: 'denied',
  ActivityLimitReached: 'busy',
  ServiceNotAvailable: 'busy',
  RequestAborted: 'busy',
  Conflict: 'busy',
  GeneralException: 'busy',
  ItemNotFound: 'notFound',
  ItemAlreadyExists: 'exists',
  RequestPayloadSizeLimitExceeded: 'tooLarge',
  ResponsePayloadSizeLimitExceeded: 'tooLarge',
  RangeExceedsLimit: 'tooLarge',
  ApiNotFound: 'unsupported',
  NotImplemented: 'unsupported',
};

/** Excel's error code, when the error is one of Excel's. */
export function officeErrorCode(e: unknown): string | null {
  const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code !== '' ? code : null;
}

export function officeErrorKind(e: unknown): OfficeErrorKind {
  const code = officeErrorCode(e);
  return (code && KINDS[code]) || 'other';
}

/** What Excel said when a batch failed: its code, its message and, when it gives one, where. */
export function describeError(e: unknown): string {
  if (e && typeof e === 'object') {
    const err = e as { message?: unknown; code?: unknown; debugInfo?: { errorLocation?: unknown } };
    const parts = [String(err.message ?? e)];
    if (err.code && err.code !== err.message) parts.push(`(${String(err.code)})`);
    if (err.debugInfo?.errorLocation) parts.push(`— ${String(err.debugInfo.errorLocation)}`);
    return parts.join(' ');
  }
  return String(e);
}

/** An Excel error as the pane shows it: the sentence for its kind, Excel's words as detail. */
export function officeFailure(e: unknown, messages: GatewayMessages, lead?: string): Failure {
  const sentence = messages.officeError[officeErrorKind(e)];
  return { ok: false, message: lead ? `${lead} ${sentence}` : sentence, detail: describeError(e) };
}
