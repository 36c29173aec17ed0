import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { newContact, type Contact } from '@/utils/core/schema';
import { settingsItem } from '@/utils/storage/settings';
import type { LocalDate } from '@/utils/core/dates';
import { formatMonthYear } from '@/utils/core/format';
import { t } from '@/utils/core/i18n';
import { daysOverdue } from '@/utils/followups/rules';
import { getDb } from '@/utils/storage/db';
import { planPeople, type DayPlan, type PlanAnswer, type PlanItem } from '@/utils/plan/choose';
import { answerPlan, planStateItem, prepareTodaysPlan, type DoneEntry } from '@/utils/plan/today';
import { weekAtAGlance } from '@/utils/plan/week';
import { firstName, reasonText } from '../ui/introduction-text';
import { openProfile } from '../pages/open-profile';
import { formatDate } from '@/utils/core/format';
import { introProgressOf } from '@/utils/network/queries';
import { personRef, plainSuggestion } from '@/utils/network/introductions';
import type { IntroProgress } from '@/utils/network/suggestion';
import { applyIntroAction, type IntroAction } from '@/utils/network/intro-steps';
import { pairKey, type IntroductionSuggestion } from '@/utils/network/suggestion';
import { CopyOutcome, useCopyText } from '../ui/CopyText';
import { IntroSteps, type CopyMessage } from '../ui/IntroSteps';
import { useStoredValue } from '../ui/use-stored-value';

/**
 * Today's plan: a few people, each with the reason they are here and one way to give first, and
 * Done, Tomorrow or Not now. Built once a day and kept, so it reads the same every time it opens;
 * below it, the week at a glance. The popup shows it above the due list, the options page on top.
 */
export function PlanSection({ today, dueCount }: { today: LocalDate; dueCount?: number }) {
  const id = useId();
  const db = getDb();
  const state = useStoredValue(planStateItem);
  // One read for the whole plan: the settings, today's plan (made on the day's first open, then
  // kept) and its people, so it draws once, right behind the due list.
  const [made, setMade] = useState<{ day: DayPlan; people: Map<string, Contact> } | null>(null);
  const load = useCallback(
    (live: () => boolean) =>
      void (async () => {
        const day = await prepareTodaysPlan(db, today);
        const people = new Map((await db.contacts.bulkGet(planPeople(day))).flatMap((c) => (c ? [[c.key, c] as const] : [])));
        if (live()) setMade({ day, people });
      })().catch(() => undefined),
    [db, today],
  );
  useEffect(() => {
    let live = true;
    load(() => live);
    return () => {
      live = false;
    };
  }, [load]);
  // Made again elsewhere (an import ending on the options page): read again for its people.
  const stale =
    made !== null && state?.day?.date === made.day.date && planPeople(state.day).join('\n') !== planPeople(made.day).join('\n');
  useEffect(() => {
    let live = true;
    if (stale) load(() => live);
    return () => {
      live = false;
    };
  }, [stale, load]);
  // Today's plan as kept, drawn at once from its own copy of what its rows show, before the
  // database answers (the due list's read goes first there); then from the people as they are.
  const size = useStoredValue(settingsItem)?.planSize;
  const stored = state?.day;
  const kept =
    stored?.date === today && stored.shown && stored.items.length > 0 && (Object.keys(stored.handled).length > 0 || stored.size === size)
      ? stored
      : null;
  const keptShown = kept?.shown;
  const fromKept = useMemo(
    () => (keptShown ? new Map(Object.entries(keptShown).map(([key, shown]) => [key, { ...newContact(key), ...shown }])) : null),
    [keptShown],
  );
  // The plan this view was given, with the answers kept since (from any view).
  const built = made?.day ?? kept ?? undefined;
  const day = built && state?.day?.date === built.date && state.day.size === built.size ? state.day : built;
  // Who of them is still saved, followed live: someone deleted or merged meanwhile leaves the plan.
  const planKeys = day ? planPeople(day) : [];
  const wanted = planKeys.join('\n');
  const saved = useLiveQuery(async () => ({ wanted, keys: await db.contacts.where(':id').anyOf(planKeys).primaryKeys() }), [wanted]);
  // A read for other keys (the previous render's) is no answer for these.
  const present = saved?.wanted === wanted ? new Set(saved.keys) : null;
  const known = made?.people ?? fromKept;
  const people = known && present ? new Map([...known].filter(([key]) => present.has(key))) : known;
  // Where each introduction in the plan stands, followed live as its steps are taken.
  const hasIntroductions = day?.items.some((item) => item.withKey) ?? false;
  const progress = useLiveQuery(async () => (hasIntroductions ? introProgressOf(db) : new Map<string, IntroProgress>()), [hasIntroductions]);
  const { copied, copy } = useCopyText();
  const week = useLiveQuery(() => weekAtAGlance(db, today, state?.completed ?? []), [today, (state?.completed ?? []).join()]);

  // An introduction drawn before its progress is read would offer its first steps again, for a moment.
  if (!day || !people || !progress) return null;
  // Someone deleted or merged since the plan was made leaves it quietly.
  const items = day.items.filter((item) => people.has(item.key) && (!item.withKey || people.has(item.withKey)));
  const answered = items.filter((item) => day.handled[item.key]).length;
  const dueInPlan = items.filter((item) => item.source === 'due').length;
  const moreDue = dueCount !== undefined ? dueCount - dueInPlan : 0;
  return (
    <section className="plan" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('plan.title')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('plan.empty')}</p>
      ) : (
        <>
          <p className="muted">
            {t('plan.intro')} {t('plan.progress', [String(answered), String(items.length)])}
          </p>
          <ol className="plan-items">
            {items.map((item) => (
              <PlanRow
                key={item.key}
                item={item}
                people={people}
                answer={day.handled[item.key]}
                today={today}
                progress={item.withKey ? progress?.get(pairKey(item.key, item.withKey)) : undefined}
                copy={copy}
              />
            ))}
          </ol>
          <CopyOutcome copied={copied} label={t('intro.messageLabel')} />
        </>
      )}
      {moreDue > 0 && <p className="muted">{t('plan.moreDue', moreDue)}</p>}
      {week && (
        <p className="week">
          <strong>{t('plan.weekTitle')}:</strong> {t('plan.weekReached', week.reached)} · {t('plan.weekGave', week.gave)} ·{' '}
          {t('plan.weekPlanDays', week.planDays)}
        </p>
      )}
    </section>
  );
}

const ANSWERED = { done: 'plan.answeredDone', tomorrow: 'plan.answeredTomorrow', 'not-now': 'plan.answeredNotNow' } as const;

interface RowProps {
  item: PlanItem;
  people: Map<string, Contact>;
  answer?: PlanAnswer;
  today: LocalDate;
  /** For an introduction: where asking both stands. */
  progress?: IntroProgress;
  copy: CopyMessage;
}

function PlanRow({ item, people, answer, today, progress, copy }: RowProps) {
  const id = useId();
  const contact = people.get(item.key)!;
  const name = contact.name || contact.key;
  const answerWith = (choice: PlanAnswer) => void answerPlan(getDb(), today, item, choice, doneEntry(item));
  // An introduction is carried through by its own steps: each one logged is the plan's Done.
  const introduction = introductionOf(item, people, progress);
  const step = async (action: IntroAction) => {
    await applyIntroAction(getDb(), action, today);
    if (!answer) await answerPlan(getDb(), today, item, 'done', { text: '', logged: true });
  };
  return (
    <li className="plan-item" aria-labelledby={`${id}-name`}>
      <a id={`${id}-name`} href={contact.profileUrl} onClick={(event) => openProfile(event, contact.profileUrl)}>
        {name}
      </a>
      <p className="reason">{reasonOf(item, contact, people, today)}</p>
      <p className="give">{giveFirst(item, contact, people)}</p>
      {introduction && <IntroSteps suggestion={introduction} act={step} copy={copy} />}
      {answer ? (
        <p className="answered" role="status">
          {t(ANSWERED[answer])}
        </p>
      ) : (
        <div className="row actions">
          {!introduction && (
            <button type="button" onClick={() => answerWith('done')}>
              {t('plan.done')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => answerWith('tomorrow')}>
            {t('plan.tomorrow')}
          </button>
          <button type="button" className="secondary" onClick={() => answerWith('not-now')}>
            {t('plan.notNow')}
          </button>
        </div>
      )}
    </li>
  );
}

/** Why this person is in today's plan, in plain words. */
function reasonOf(item: PlanItem, contact: Contact, people: Map<string, Contact>, today: LocalDate): string {
  switch (item.source) {
    case 'due':
      return t('plan.reasonDue', [t('popup.overdue', daysOverdue(contact, today))]);
    case 'job-change':
      return t('plan.reasonJobChange', [item.role ?? contact.headline]);
    case 'introduction':
      return item.introduction?.reasons[0] ? reasonText(item.introduction, item.introduction.reasons[0]) : '';
    case 'intro-check':
      return t('plan.reasonIntroCheck', [
        contact.name || contact.key,
        people.get(item.withKey ?? '')?.name ?? '',
        item.introducedOn ? formatDate(item.introducedOn) : '',
      ]);
    case 'event':
      return t('plan.reasonEvent', [item.place ?? contact.whereWeMet]);
    case 'dormant':
      return t('rekindle.reason', item.messages ?? 0, [String(item.messages ?? 0), item.lastMessage ? formatMonthYear(item.lastMessage) : '']);
  }
}

/** One way to give first, from what is stored: an introduction, a congratulation, how I can help. */
function giveFirst(item: PlanItem, contact: Contact, people: Map<string, Contact>): string {
  const first = firstName(personRef(contact));
  if (item.source === 'introduction' && item.withKey) return t('plan.giveIntroduce', [first, people.get(item.withKey)?.name ?? '']);
  if (item.source === 'job-change') return t('plan.giveCongratulate', [first]);
  if (item.source === 'intro-check') return t('plan.giveIntroCheck');
  if (contact.howICanHelp.trim()) return t('plan.giveHelp', [contact.howICanHelp.trim()]);
  return t('plan.giveAsk');
}

/** What Done writes on the timeline: the congratulation, or a plain contact (an introduction logs its own steps). */
function doneEntry(item: PlanItem): DoneEntry {
  if (item.source === 'job-change') return { text: t('plan.congratulated') };
  return { text: '' };
}

/** The introduction a plan item carries through, with where it stands now; or none for other items. */
function introductionOf(item: PlanItem, people: Map<string, Contact>, progress: IntroProgress | undefined): IntroductionSuggestion | null {
  if (!item.withKey || (item.source !== 'introduction' && item.source !== 'intro-check')) return null;
  const other = people.get(item.withKey);
  if (!other) return null;
  const made = item.introduction ?? plainSuggestion(people.get(item.key)!, other);
  return { ...made, progress };
}
