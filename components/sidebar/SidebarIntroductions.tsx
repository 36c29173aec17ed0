import { useMemo } from 'react';
import { formatDate } from '@/utils/core/format';
import { giveTake } from '@/utils/network/give-and-take';
import { t } from '@/utils/core/i18n';
import { otherPerson, type IntroductionSuggestion } from '@/utils/network/suggestion';
import type { Interaction } from '@/utils/core/schema';
import { giveTakeText, logLabel, logNow, reasonText } from '../ui/introduction-text';
import type { IntroAction } from '@/utils/network/intro-steps';
import { CopyOutcome, useCopyText } from '../ui/CopyText';
import { IntroSteps } from '../ui/IntroSteps';
import '../ui/introductions.css';

interface Props {
  personKey: string;
  /** `null` while the background has not answered yet. */
  introductions: IntroductionSuggestion[] | null;
  /** While the notes are updated after a new version, introductions are not all found yet. */
  updating?: boolean;
  /** A step of asking both first, or an introduction logged straight away: the background logs it. */
  onIntroAction(action: IntroAction): void;
  /** Opens a profile in a new tab; the sidebar asks the background, having no `tabs` of its own. */
  onOpenProfile(key: string): void;
}

/** The introductions worth making for the person on screen, each with why, and a way to log it. */
export function SidebarIntroductions({ personKey, introductions, updating = false, onIntroAction, onOpenProfile }: Props) {
  const title = t('intro.title');
  const { copied, copy } = useCopyText();
  return (
    <section className="introductions" aria-label={title}>
      <h2>{title}</h2>
      {updating ? (
        <p className="empty">{t('upgrade.introductions')}</p>
      ) : introductions === null ? null : introductions.length === 0 ? (
        <p className="empty">{t('intro.noneForPerson')}</p>
      ) : (
        <ul className="intro-list">
          {introductions.map((suggestion) => {
            const other = otherPerson(suggestion, personKey);
            return (
              <li key={`${suggestion.seeker.key}\n${suggestion.helper.key}`} className="intro">
                <a
                  href={other.profileUrl}
                  onClick={(event) => {
                    event.preventDefault();
                    onOpenProfile(other.key);
                  }}
                >
                  {other.name}
                </a>
                {suggestion.reasons.map((reason) => (
                  <p key={`${reason.via}\n${reason.what}\n${reason.need}`} className="reason">
                    {reasonText(suggestion, reason)}
                  </p>
                ))}
                {suggestion.progress && suggestion.progress.stage !== 'done' ? (
                  <IntroSteps suggestion={suggestion} act={onIntroAction} copy={copy} />
                ) : suggestion.introducedOn ? (
                  <p className="muted">{t('intro.introducedOn', [formatDate(suggestion.introducedOn)])}</p>
                ) : (
                  <>
                    <IntroSteps suggestion={suggestion} act={onIntroAction} copy={copy} />
                    <button type="button" className="secondary" aria-label={logLabel(suggestion)} onClick={() => onIntroAction(logNow(suggestion))}>
                      {t('intro.log')}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {/* Only where there is something to copy: the notes' own save status stays the frame's one status otherwise. */}
      {introductions && introductions.length > 0 && <CopyOutcome copied={copied} label={t('intro.messageLabel')} />}
    </section>
  );
}

/** One line on whether you have been giving to this person as well as asking. */
export function GiveTakeLine({ interactions }: { interactions: Interaction[] }) {
  const text = useMemo(() => giveTakeText(giveTake(interactions)), [interactions]);
  return (
    <p className="give-take">
      <strong>{t('giveTake.label')}</strong> {text}
    </p>
  );
}
