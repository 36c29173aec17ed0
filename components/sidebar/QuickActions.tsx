import { useId, useState } from 'react';
import type { InteractionKind } from '@/utils/core/interaction-kinds';
import { t } from '@/utils/core/i18n';
import { kindLabel } from '../ui/labels';

/** The contacts logged in one click from the top of the sidebar. */
export const QUICK_KINDS = ['message', 'call', 'meeting'] as const satisfies readonly InteractionKind[];

interface Props {
  /** Whether a follow-up is set, so Done and Snooze have something to act on. */
  hasFollowUp: boolean;
  onLog(kind: InteractionKind, text: string): void;
  onDone(): void;
  onSnooze(days: number): void;
}

/** Log a message, call or meeting today in one click (the text is optional), or settle the follow-up. */
export function QuickActions({ hasFollowUp, onLog, onDone, onSnooze }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [snoozing, setSnoozing] = useState(false);
  const log = (kind: InteractionKind) => {
    onLog(kind, text.trim());
    setText('');
  };
  return (
    <section className="quick-actions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('sidebar.quickTitle')}
      </h2>
      <label htmlFor={`${id}-text`} className="visually-hidden">
        {t('sidebar.quickText')}
      </label>
      <input
        id={`${id}-text`}
        className="quick-text"
        placeholder={t('sidebar.quickText')}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="row quick-row" role="group" aria-label={t('sidebar.quickTitle')}>
        {QUICK_KINDS.map((kind) => (
          <button key={kind} type="button" className="secondary" onClick={() => log(kind)}>
            {kindLabel(kind)}
          </button>
        ))}
      </div>
      {hasFollowUp && (
        <div className="row quick-row">
          <button type="button" onClick={onDone}>
            {t('sidebar.followUpDone')}
          </button>
          <button type="button" className="secondary" aria-expanded={snoozing} onClick={() => setSnoozing(!snoozing)}>
            {t('popup.snooze')}
          </button>
          {snoozing &&
            ([
              [1, t('popup.snoozeDay')],
              [7, t('popup.snoozeWeek')],
            ] as const).map(([days, label]) => (
              <button
                key={days}
                type="button"
                className="secondary"
                onClick={() => {
                  setSnoozing(false);
                  onSnooze(days);
                }}
              >
                {label}
              </button>
            ))}
        </div>
      )}
    </section>
  );
}
