/**
 * A button that opens the file picker: the file input itself stays hidden (out of the tab order
 * and of what a screen reader reads), the button is what the user sees, and the same file can be
 * picked again.
 */
import { Button } from '@fluentui/react-components';
import { ReactNode, useRef } from 'react';

export interface FilePickButtonProps {
  /** The file types offered, as the input's accept attribute. */
  accept: string;
  disabled: boolean;
  onFile: (file: File) => void;
  testId: string;
  children: ReactNode;
}

export function FilePickButton({ accept, disabled, onFile, testId, children }: FilePickButtonProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size="small" onClick={() => fileInput.current?.click()} disabled={disabled}>
        {children}
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
