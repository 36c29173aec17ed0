import { Field } from '@/components/Field';
import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { InteractionForm } from '@/components/InteractionForm';
import { MoreFields } from '@/components/MoreFields';
import { QuickActions } from '@/components/QuickActions';
import { SaveStatusLine } from '@/components/SaveStatusLine';
import { SyncOffers } from '@/components/SyncOffers';
import { SidebarSummary } from '@/components/SidebarSummary';
import { Timeline } from '@/components/Timeline';
import { UserFieldInputs } from '@/components/UserFieldInputs';
import { introducedPeople } from '@/components/introduction-text';
import { GiveTakeLine, SidebarIntroductions } from '@/components/SidebarIntroductions';
import { localToday } from '@/utils/dates';
import type { IntroductionSuggestion } from '@/utils/introductions';
import { useStoredValue } from '@/components/use-stored-value';
import type { UserFields } from '@/utils/db';
import { t } from '@/utils/i18n';
import { SIDEBAR_PORT } from '@/utils/messages';
import { showsPerson, type PageProfile } from '@/utils/page-reader';
import { eventModeItem, sidebarCollapsedItem, sidebarMoreOpenItem } from '@/utils/settings';
import { SidebarClient, type SaveStatus, type SidebarState } from '@/utils/sidebar-client';
import {
  editableView,
  listToSave,
  viewWhileTyping,
  type EditableView,
  type ListField,
  type TypedPhrases,
} from '@/utils/sidebar-view';

export function App() {
  const collapsed = useStoredValue(sidebarCollapsedItem);
  const moreOpen = useStoredValue(sidebarMoreOpenItem);
  const event = useStoredValue(eventModeItem);
  const [profile, setProfile] = useState<PageProfile | null>(null);
  const [state, setState] = useState<SidebarState | null>(null);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [form, setForm] = useState<EditableView | null>(null);
  const [introductions, setIntroductions] = useState<IntroductionSuggestion[] | null>(null);
  const [places, setPlaces] = useState<string[]>([]);
  const [phrases, setPhrases] = useState<TypedPhrases>({});
  const client = useRef<SidebarClient | null>(null);
  const shown = useRef<PageProfile | null>(null);
  // Read by pushed states, which arrive outside React's render.
  const typing = useRef<{ phrases: TypedPhrases; chips: Partial<Record<ListField, string[]>> }>({ phrases: {}, chips: {} });

  useEffect(() => {
    const instanceId = crypto.randomUUID();
    const show = (next: PageProfile | null) => {
      if (next && shown.current?.key === next.key) {
        shown.current = next;
        setProfile(next);
        return;
      }
      shown.current = next;
      setProfile(next);
      setState(null);
      setForm(null);
      setIntroductions(null);
      typing.current = { phrases: {}, chips: {} };
      setPhrases({});
      if (next) client.current?.show(next);
    };
    const instance = client.current = new SidebarClient({
      instanceId,
      connect: () => browser.runtime.connect({ name: SIDEBAR_PORT + instanceId }),
      setDraft: (key, draft) => browser.storage.local.set({ [key]: draft }),
      removeDraft: (key) => browser.storage.local.remove(key),
      // The background knows this frame's tab and asks its top frame: no page message is trusted.
      onProfile: show,
      onState: (next) => {
        setState(next);
        const view = editableView(next.contact, instance.pendingFields(next.key));
        setForm(viewWhileTyping(view, typing.current.phrases, typing.current.chips));
      },
      onIntroductions: setIntroductions,
      onPlaces: setPlaces,
      onStatus: setStatus,
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (handle) => window.clearTimeout(handle as number),
    });
    const flush = () => instance.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    instance.start();
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      instance.stop();
    };
  }, []);

  const edit = useCallback(
    <K extends keyof EditableView>(field: K, value: EditableView[K]) => {
      const current = shown.current;
      if (!current) return;
      setForm((previous) => (previous ? { ...previous, [field]: value } : previous));
      const { key, ...page } = current;
      client.current?.edit(key, { [field]: value } as Partial<UserFields>, page);
    },
    [],
  );

  // Escape folds the sidebar; the tab it folds to takes the focus, so Enter opens it again.
  const expandButton = useRef<HTMLButtonElement>(null);
  const foldedByKey = useRef(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      foldedByKey.current = true;
      void sidebarCollapsedItem.setValue(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  useEffect(() => {
    if (collapsed && foldedByKey.current) {
      foldedByKey.current = false;
      expandButton.current?.focus();
    }
  }, [collapsed]);

  const editList = useCallback(
    (field: ListField, values: string[], phrase: string) => {
      const current = shown.current;
      if (!current) return;
      typing.current = {
        phrases: { ...typing.current.phrases, [field]: phrase },
        chips: { ...typing.current.chips, [field]: values },
      };
      setPhrases(typing.current.phrases);
      setForm((previous) => (previous ? { ...previous, [field]: values } : previous));
      const { key, ...page } = current;
      client.current?.edit(key, { [field]: listToSave(values, phrase) }, page);
    },
    [],
  );
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
  const page = () => {
    const { key, ...rest } = shown.current!;
    return { key, page: rest };
  };
  return (
    <main className="sidebar" aria-label={t('sidebar.regionLabel')}>
      <SidebarSummary
        name={name}
        headline={profile?.headline ?? ''}
        photoUrl={profile?.photoUrl ?? ''}
        contact={profile && state ? state.contact : undefined}
        today={today}
        onCollapse={() => void sidebarCollapsedItem.setValue(true)}
      />
      <SaveStatusLine status={status} />
      {profile && state && !state.contact && event?.phase === 'on' && (
        <p className="sidebar-event">{t('event.sidebar', [event.name])}</p>
      )}
      {!profile && <p className="empty">{t('sidebar.waiting')}</p>}
      {profile && !showsPerson(profile) && <p className="empty">{t('sidebar.notAProfile')}</p>}
      {profile && form && state && (
        <div className="sidebar-body">
          <SyncOffers personKey={profile.key} />
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
              client.current?.request({
                type: 'log',
                ...page(),
                interaction: { id: crypto.randomUUID(), kind, date: localToday(), text },
              })
            }
            onDone={() => client.current?.request({ type: 'follow-up-done', key: profile.key, today: localToday() })}
            onSnooze={(days) => client.current?.request({ type: 'snooze', key: profile.key, days, today: localToday() })}
          />
          <UserFieldInputs section="summary" {...fieldProps} />
          <MoreFields open={moreOpen ?? false} onToggle={(open) => void sidebarMoreOpenItem.setValue(open)}>
            <UserFieldInputs section="more" {...fieldProps} />
            <InteractionForm
              onLog={(entry) => client.current?.request({ type: 'log', ...page(), interaction: { id: crypto.randomUUID(), ...entry } })}
            />
          </MoreFields>
          <GiveTakeLine interactions={state.interactions} />
          <SidebarIntroductions
            personKey={profile.key}
            introductions={introductions}
            onOpenProfile={(key) => client.current?.openProfile(key)}
            onIntroduce={(suggestion) =>
              client.current?.request({
                type: 'introduce',
                id: crypto.randomUUID(),
                date: localToday(),
                people: introducedPeople(suggestion),
              })
            }
          />
          <Timeline
            interactions={state.interactions}
            onEdit={(id, changes) => client.current?.request({ type: 'edit-interaction', id, changes })}
            onDelete={(id) => client.current?.request({ type: 'delete-interaction', id })}
          />
        </div>
      )}
    </main>
  );
}
