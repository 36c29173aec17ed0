import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { logIntroduction } from '@/utils/people/contacts';
import { getDb } from '@/utils/storage/db';
import { localToday } from '@/utils/core/dates';
import { t } from '@/utils/core/i18n';
import type { IntroductionSuggestion } from '@/utils/network/suggestion';
import { recentInteractions } from '@/utils/network/queries';
import { GiveTakeChart } from './GiveTakeChart';
import { introducedPeople, logLabel, reasonText } from '../ui/introduction-text';
import { openProfile } from '../pages/open-profile';
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
  const [outcome, setOutcome] = useState('');

  const introduce = async (suggestion: IntroductionSuggestion) => {
    await logIntroduction(db, { id: crypto.randomUUID(), date: today, people: introducedPeople(suggestion) });
    setOutcome(t('intro.logged', [suggestion.seeker.name, suggestion.helper.name]));
  };

  return (
    <section id="introductions" aria-labelledby={`${id}-title`} className="panel introductions">
      <h2 id={`${id}-title`}>{t('options.introductions')}</h2>
      <p className="muted">{t('intro.networkHint')}</p>
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
