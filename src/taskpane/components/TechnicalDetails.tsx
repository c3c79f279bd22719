/**
 * "Chi tiết kỹ thuật": what Excel or the engine said, word for word, for whoever supports the
 * user — folded away so that the sentence above it is what staff read.
 */
import type { Strings } from '../strings';

export function TechnicalDetails({ detail, strings }: { detail: string; strings: Strings }) {
  return (
    <details className="technical">
      <summary>{strings.technicalDetails}</summary>
      <p lang="vi">{detail}</p>
    </details>
  );
}
