/**
 * What the last action said, beside the action that caused it: each tab has its places, each
 * place a polite live region, so screen readers hear it. Technical detail (Excel's own words,
 * the engine's Vietnamese sentence in the English pane) sits behind a disclosure.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Strings } from '../strings';
import { TechnicalDetails } from './TechnicalDetails';

export type Intent = 'error' | 'warning' | 'success' | 'info';
/** Where a message shows: beside the action that caused it. */
export type MessagePlace = 'score' | 'problems' | 'export' | 'previous' | 'appraisal' | 'rubric';

export interface Message {
  id: number;
  intent: Intent;
  title?: string;
  text: string;
  detail?: string | null;
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
          <MessageBar key={m.id} intent={m.intent} className="message" layout="multiline">
            <MessageBarBody>
              {m.title && <MessageBarTitle>{m.title}</MessageBarTitle>}
              {m.text}
              {m.detail && <TechnicalDetails detail={m.detail} strings={strings} />}
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
