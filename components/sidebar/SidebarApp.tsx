import { Field } from '@/components/ui/Field';
import { useEffect, useRef, type ReactNode } from 'react';
import { InteractionForm } from '@/components/sidebar/InteractionForm';
import { DeletePerson } from '@/components/sidebar/DeletePerson';
import { MoreFields } from '@/components/ui/MoreFields';
import { QuickActions } from '@/components/sidebar/QuickActions';
import { SaveStatusLine } from '@/components/sidebar/SaveStatusLine';
import { SyncOffers } from '@/components/sidebar/SyncOffers';
import { SidebarSummary } from '@/components/sidebar/SidebarSummary';
import { Timeline } from '@/components/sidebar/Timeline';
import { UpgradeNotice } from '@/components/ui/UpgradeNotice';
import { UserFieldInputs } from '@/components/sidebar/UserFieldInputs';
import { useShownPerson } from './use-shown-person';
import { GiveTakeLine, SidebarIntroductions } from '@/components/sidebar/SidebarIntroductions';
import { localToday } from '@/utils/core/dates';
import { useStoredValue } from '@/components/ui/use-stored-value';
import { t } from '@/utils/core/i18n';
import { showsPerson } from '@/utils/linkedin/page-reader';
import { eventModeItem } from '@/utils/followups/event-mode';
import { sidebarCollapsedItem, sidebarMoreOpenItem, sidebarPlaceItem } from '@/utils/sidebar/ui-state';
import { MergeOffer, NameChange } from './PageQuestions';
import { useObscured } from './use-obscured';
import type { SidebarPlace } from '@/utils/linkedin/sidebar-frame';

interface Props {
  /**
   * Where it runs: a frame in LinkedIn's page (folds to a tab, Escape folds it) or the browser's
   * side panel (the browser shows and hides it).
   */
  place: SidebarPlace;
  /** The name its port to the background takes, for the instance id it makes up. */
  portName(instanceId: string): string;
  /** What the side panel shows while the active tab shows nobody: today's list. */
  idle?: ReactNode;
}

/**
 * The notes on the person the tab shows, the same app in a frame on LinkedIn's page and in the
 * browser's side panel. It learns the person from the background and talks only to its port,
 * `storage` and `i18n` (docs/ARCHITECTURE.md, "The framed sidebar").
 */
export function SidebarApp({ place, portName, idle }: Props) {
  const inPage = place === 'page';
  const folded = useStoredValue(sidebarCollapsedItem);
  const collapsed = inPage && folded;
  const moreOpen = useStoredValue(sidebarMoreOpenItem);
  const event = useStoredValue(eventModeItem);
  const {
    profile,
    state,
    status,
    form,
    introductions,
    places,
    phrases,
    upgrade,
    mergeOffer,
    pageName,
    edit,
    editList,
    request,
    openProfile,
    shownPage,
    answerMerge,
    answerName,
  } = useShownPerson(portName);
  // In LinkedIn's page, clicks count only while the page lets the notes be seen as they are.
  const root = useRef<HTMLElement>(null);
  const obscured = useObscured(root, inPage && !collapsed);

  // Escape folds the sidebar; the tab it folds to takes the focus, so Enter opens it again.
  const expandButton = useRef<HTMLButtonElement>(null);
  const foldedByKey = useRef(false);
  useEffect(() => {
    if (!inPage) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      foldedByKey.current = true;
      void sidebarCollapsedItem.setValue(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [inPage]);
  useEffect(() => {
    if (collapsed && foldedByKey.current) {
      foldedByKey.current = false;
      expandButton.current?.focus();
    }
  }, [collapsed]);

  const fieldProps = { form: form!, phrases, places, onEdit: edit, onEditList: editList };

  if (collapsed) {
    return (
      <button ref={expandButton} type="button" className="expand-tab" onClick={() => void sidebarCollapsedItem.setValue(false)}>
        <span aria-hidden="true">◂</span>
        <span className="expand-label">{t('sidebar.tabLabel')}</span>
        <span className="visually-hidden">{t('sidebar.expand')}</span>
      </button>
    );
  }

  const name = state?.contact?.name || profile?.name || '';
  const today = localToday();
  return (
    <main
      ref={root}
      className={inPage ? 'sidebar' : 'sidebar in-panel'}
      aria-label={t('sidebar.regionLabel')}
      onClickCapture={(event) => {
        if (!obscured) return;
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      {obscured && (
        <p className="obscured" role="alert">
          {t('sidebar.obscured')}
        </p>
      )}
      {(inPage || profile) && <SidebarSummary
        name={name}
        headline={profile?.headline ?? ''}
        photoUrl={profile?.photoUrl ?? ''}
        contact={profile && state ? state.contact : undefined}
        today={today}
        onCollapse={inPage ? () => void sidebarCollapsedItem.setValue(true) : undefined}
      />}
      <SaveStatusLine status={status} />
      {upgrade && <UpgradeNotice progress={upgrade} />}
      {profile && state && !state.contact && event?.phase === 'on' && (
        <p className="sidebar-event">{t('event.sidebar', [event.name])}</p>
      )}
      {!profile && <p className="empty">{t(inPage ? 'sidebar.waiting' : 'panel.waiting')}</p>}
      {profile && !showsPerson(profile) && <p className="empty">{t('sidebar.notAProfile')}</p>}
      {(!profile || !showsPerson(profile)) && idle}
      {profile && form && state && (
        <div className="sidebar-body">
          {mergeOffer && <MergeOffer name={mergeOffer.name} onAnswer={(merge) => answerMerge(mergeOffer, merge)} />}
          {pageName && state.contact?.name && (
            <NameChange stored={state.contact.name} shown={pageName} onChoose={answerName} />
          )}
          <SyncOffers personKey={profile.key} />
          {!profile.name && profile.kind === 'profile' && <p className="empty">{t('sidebar.unreadable')}</p>}
          {!profile.name && (
            <Field label={t('sidebar.name')}>
              <input
                value={form.name}
                placeholder={t('sidebar.namePlaceholder')}
                onChange={(event) => edit('name', event.target.value)}
              />
            </Field>
          )}
          <QuickActions
            hasFollowUp={Boolean(state.contact?.nextFollowUp)}
            onLog={(kind, text) =>
              request({
                type: 'log',
                ...shownPage(),
                interaction: { id: crypto.randomUUID(), kind, date: localToday(), text },
              })
            }
            onDone={() => request({ type: 'follow-up-done', key: profile.key, today: localToday() })}
            onSnooze={(days) => request({ type: 'snooze', key: profile.key, days, today: localToday() })}
          />
          <UserFieldInputs section="summary" {...fieldProps} />
          <MoreFields open={moreOpen ?? false} onToggle={(open) => void sidebarMoreOpenItem.setValue(open)}>
            <UserFieldInputs section="more" {...fieldProps} />
            <InteractionForm
              onLog={(entry) => request({ type: 'log', ...shownPage(), interaction: { id: crypto.randomUUID(), ...entry } })}
            />
          </MoreFields>
          <GiveTakeLine interactions={state.interactions} />
          <SidebarIntroductions
            personKey={profile.key}
            introductions={introductions}
            updating={upgrade !== null}
            onOpenProfile={(key) => openProfile(key)}
            onIntroAction={(action) => {
              const id = crypto.randomUUID();
              const date = localToday();
              if (action.type === 'pair') request({ type: 'introduce', id, date, kind: action.kind, people: action.people });
              else {
                // A step on the person shown may save them with what the page shows; on the other, nothing of this page.
                const target = action.key === profile.key ? shownPage() : { key: action.key, page: {} };
                request({ type: 'log', ...target, interaction: { id, kind: action.kind, date, text: action.text, withKey: action.withKey } });
              }
            }}
          />
          <Timeline
            interactions={state.interactions}
            onEdit={(id, changes) => request({ type: 'edit-interaction', key: profile.key, id, changes })}
            onDelete={(id) => request({ type: 'delete-interaction', key: profile.key, id })}
          />
          {state.contact && (
            <DeletePerson name={name || t('sidebar.thisPerson')} onDelete={() => request({ type: 'delete-person', key: profile.key })} />
          )}
        </div>
      )}
      {inPage && (
        <p className="move-panel">
          <button
            type="button"
            className="link"
            aria-describedby="move-panel-hint"
            onClick={() => void sidebarPlaceItem.setValue('panel')}
          >
            {t('sidebar.moveToPanel')}
          </button>{' '}
          <span id="move-panel-hint" className="muted">
            {t('sidebar.moveToPanelHint')}
          </span>
        </p>
      )}
    </main>
  );
}
