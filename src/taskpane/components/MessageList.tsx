/**
 * What the last action said, where the user is looking: the pane's top for Score, each
 * section for its own actions. Each list is a polite live region, so screen readers hear it.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Strings } from '../strings';

export type Intent = 'error' | 'warning' | 'success' | 'info';
/** Where a message shows: the top of the pane, or the section whose action it reports. */
export type MessagePlace = 'top' | 'export' | 'previous' | 'appraisal';

export interface Message {
  id: number;
  intent: Intent;
  title?: string;
  text: string;
  place: MessagePlace;
}

export interface MessageListProps {
  messages: Message[];
  place: MessagePlace;
  onDismiss: (id: number) => void;
  strings: Strings;
}

export function MessageList({ messages, place, onDismiss, strings }: MessageListProps) {
  return (
    <div role="status" aria-live="polite" className="messages" data-messages={place}>
      {messages
        .filter((m) => m.place === place)
        .map((m) => (
          <MessageBar key={m.id} intent={m.intent} className="message">
            <MessageBarBody>
              {m.title && <MessageBarTitle>{m.title}</MessageBarTitle>}
              {m.text}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" size="small" aria-label={strings.dismiss} onClick={() => onDismiss(m.id)}>
                  ✕
                </Button>
              }
            />
          </MessageBar>
        ))}
    </div>
  );
}
