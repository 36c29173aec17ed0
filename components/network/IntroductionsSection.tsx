import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { getDb } from '@/utils/storage/db';
import { localToday } from '@/utils/core/dates';
import { t } from '@/utils/core/i18n';
import type { IntroductionSuggestion } from '@/utils/network/suggestion';
import { introductionsInProgress, recentInteractions } from '@/utils/network/queries';
import { applyIntroAction, type IntroAction } from '@/utils/network/intro-steps';
import { pairKey } from '@/utils/network/suggestion';
import { GiveTakeChart } from './GiveTakeChart';
import { logLabel, logNow, reasonText } from '../ui/introduction-text';
import { openProfile } from '../pages/open-profile';
import { CopyOutcome, useCopyText } from '../ui/CopyText';
import { IntroSteps } from '../ui/IntroSteps';
import { useNetworkSuggestions } from './use-network-suggestions';
import '../ui/introductions.css';
import './network.css';

const SHOWN = 20;

/** The best introductions not made yet across the whole network, and the network's give and take. */
export function IntroductionsSection({ updating }: { updating: boolean }) {
  const db = getDb();
  const id = useId();
  const today = localToday();
  const suggestions = useNetworkSuggestions(SHOWN);
  const recent = useLiveQuery(() => recentInteractions(db, today), [today]);
  const inProgress = useLiveQuery(() => introductionsInProgress(db, today), [today]);
  const [outcome, setOutcome] = useState('');
  const { copied, copy } = useCopyText();
  // A pair asked from the suggestions moves to the list in progress; its steps take the focus there.
  const [moved, setMoved] = useState<string | null>(null);

  const introduce = async (suggestion: IntroductionSuggestion) => {
    await applyIntroAction(db, logNow(suggestion), today);
    setOutcome(t('intro.logged', [suggestion.seeker.name, suggestion.helper.name]));
  };
  const act = async (suggestion: IntroductionSuggestion, action: IntroAction) => {
    await applyIntroAction(db, action, today);
    setMoved(pairKey(suggestion.seeker.key, suggestion.helper.key));
    if (action.type === 'pair' && action.kind !== 'introduction') setOutcome(t('intro.outcomeLogged'));
  };

  return (
    <section id="introductions" aria-labelledby={`${id}-title`} className="panel introductions">
      <h2 id={`${id}-title`}>{t('options.introductions')}</h2>
      <p className="muted">{t('intro.networkHint')}</p>
      <h3 id={`${id}-progress`}>{t('intro.inProgressTitle')}</h3>
      {inProgress === undefined ? null : inProgress.length === 0 ? (
        <p className="empty">{t('intro.inProgressEmpty')}</p>
      ) : (
        <ul className="intro-list" aria-labelledby={`${id}-progress`}>
          {inProgress.map((suggestion) => {
            const pair = pairKey(suggestion.seeker.key, suggestion.helper.key);
            return (
              <li key={pair} className="intro">
                <p className="pair">
                  <PersonLink person={suggestion.seeker} /> {t('intro.and')} <PersonLink person={suggestion.helper} />
                </p>
                {suggestion.reasons.slice(0, 1).map((reason) => (
                  <p key="reason" className="reason">
                    {reasonText(suggestion, reason)}
                  </p>
                ))}
                <IntroSteps suggestion={suggestion} act={(action) => act(suggestion, action)} copy={copy} autoFocus={moved === pair} />
              </li>
            );
          })}
        </ul>
      )}
      <CopyOutcome copied={copied} label={t('intro.messageLabel')} />
      <h3>{t('intro.suggested')}</h3>
      {updating ? (
        <p className="empty">{t('upgrade.introductions')}</p>
      ) : suggestions === undefined ? null : suggestions.length === 0 ? (
        <p className="empty">{t('intro.noneInNetwork')}</p>
      ) : (
        <ol className="intro-list" aria-label={t('intro.suggested')}>
          {suggestions.map((suggestion) => (
            <li key={`${suggestion.seeker.key}\n${suggestion.helper.key}`} className="intro">
              <p className="pair">
                <PersonLink person={suggestion.seeker} /> {t('intro.and')} <PersonLink person={suggestion.helper} />
              </p>
              {suggestion.reasons.map((reason) => (
                <p key={`${reason.via}\n${reason.what}\n${reason.need}`} className="reason">
                  {reasonText(suggestion, reason)}
                </p>
              ))}
              <IntroSteps suggestion={suggestion} act={(action) => act(suggestion, action)} copy={copy} />
              <button type="button" className="secondary" aria-label={logLabel(suggestion)} onClick={() => void introduce(suggestion)}>
                {t('intro.log')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <p role="status" className="status">
        {outcome}
      </p>
      {recent !== undefined && <GiveTakeChart interactions={recent} today={today} />}
    </section>
  );
}

function PersonLink({ person }: { person: { name: string; profileUrl: string } }) {
  return (
    <a href={person.profileUrl} onClick={(event) => openProfile(event, person.profileUrl)}>
      {person.name}
    </a>
  );
}
