import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { IntroductionSuggestion } from '@/utils/network/suggestion';
import type { UserFields } from '@/utils/core/schema';
import type { PageProfile } from '@/utils/linkedin/page-reader';
import type { UpgradeProgress } from '@/utils/core/schema';
import { SidebarClient, type SaveStatus, type SidebarState } from '@/utils/sidebar/client';
import {
  editableView,
  listToSave,
  viewWhileTyping,
  type EditableView,
  type ListField,
  type TypedPhrases,
} from '@/utils/sidebar/view';

/** A request the sidebar sends, without the sequence number its client adds. */
type Request = Parameters<SidebarClient['request']>[0];

/**
 * The person this sidebar shows and everything it knows of them: it connects to the background,
 * which tells it its tab's profile and pushes that person's notes; edits go back the same way,
 * kept as drafts until acknowledged. A new person clears what was typed for the last one.
 */
export function useShownPerson(portName: (instanceId: string) => string) {
  const [profile, setProfile] = useState<PageProfile | null>(null);
  const [state, setState] = useState<SidebarState | null>(null);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [form, setForm] = useState<EditableView | null>(null);
  const [introductions, setIntroductions] = useState<IntroductionSuggestion[] | null>(null);
  const [places, setPlaces] = useState<string[]>([]);
  const [upgrade, setUpgrade] = useState<UpgradeProgress | null>(null);
  const [phrases, setPhrases] = useState<TypedPhrases>({});
  const [mergeOffer, setMergeOffer] = useState<{ key: string; name: string } | null>(null);
  const [pageName, setPageName] = useState<string | null>(null);
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
      setMergeOffer(null);
      setPageName(null);
      typing.current = { phrases: {}, chips: {} };
      setPhrases({});
      if (next) client.current?.show(next);
    };
    const instance = client.current = new SidebarClient({
      instanceId,
      connect: () => browser.runtime.connect({ name: portName(instanceId) }),
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
      onMergeOffer: setMergeOffer,
      onNameChange: setPageName,
      onUpgrade: setUpgrade,
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
  }, [portName]);

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

  const request = useCallback((message: Request) => client.current?.request(message), []);
  const openProfile = useCallback((key: string) => client.current?.openProfile(key), []);
  /** The shown person's key and what their page says, for requests that may create them. */
  const shownPage = useCallback(() => {
    const { key, ...page } = shown.current!;
    return { key, page };
  }, []);

  /** Answers the offer to merge: merged (`true`) or kept apart; either way the offer goes. */
  const answerMerge = useCallback((offer: { key: string }, merge: boolean) => {
    const shownKey = shown.current?.key;
    setMergeOffer(null);
    if (merge && shownKey) client.current?.request({ type: 'merge', from: offer.key, into: shownKey });
  }, []);
  /** Answers whether the page's new name is this person's: the chosen name is the user's from now on. */
  const answerName = useCallback((name: string) => {
    const current = shown.current;
    setPageName(null);
    if (current) client.current?.request({ type: 'save', key: current.key, fields: { name }, page: {} });
  }, []);

  return {
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
  };
}
