import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { confirmsDeletion, deleteAllData, formatBytes } from '@/utils/storage/data-management';
import { getDb } from '@/utils/storage/db';
import { t, uiLanguage } from '@/utils/core/i18n';
import { LIMITS, REMINDER_TIME } from '@/utils/core/schema';
import { changeSettings, settingsItem } from '@/utils/storage/settings';
import type { LanguageSetting, Settings } from '@/utils/core/schema';
import { CadenceField } from '../ui/CadenceField';
import { Field } from '../ui/Field';
import { OutcomeLines } from '../ui/OutcomeLines';
import { SidebarPlaceChoice } from './SidebarPlaceChoice';
import { useStoredValue } from '../ui/use-stored-value';
import '../pages/options-sections.css';


/**
 * Defaults for new contacts, the daily reminder, the language, and the data itself; the options
 * page puts the other domains' panels (sync, reading LinkedIn) between them as `children`.
 */
export function SettingsSection({ children }: { children?: ReactNode }) {
  const id = useId();
  const stored = useStoredValue(settingsItem);
  // Shown at once, before storage echoes the change back, so a control never snaps back.
  const [changed, setChanged] = useState<Partial<Settings>>({});
  const settings = stored && { ...stored, ...changed };
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (change: Partial<Settings>) => {
    setChanged((previous) => ({ ...previous, ...change }));
    try {
      // Merged into what is stored now, so two quick changes never undo each other.
      await changeSettings(change);
      setProblem(null);
      setStatus(t('settings.saved'));
      return true;
    } catch {
      setProblem(t('settings.saveFailed'));
      return false;
    }
  };

  return (
    <section id="settings" aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('options.settings')}</h2>
      {settings && (
        <>
          <SidebarPlaceChoice />
          <fieldset>
            <legend>{t('settings.newContacts')}</legend>
            <CadenceField
              value={settings.defaultCadenceDays}
              onChange={(days) => void save({ defaultCadenceDays: days })}
            />
            <p className="hint">{t('settings.defaultCadenceHint')}</p>
          </fieldset>
          <Field label={t('plan.settingLabel')} hint={t('plan.settingHint')}>
            <input
              type="number"
              min={LIMITS.planSize.min}
              max={LIMITS.planSize.max}
              value={settings.planSize}
              onChange={(event) => {
                const size = Number(event.target.value);
                if (Number.isInteger(size) && size >= LIMITS.planSize.min && size <= LIMITS.planSize.max) void save({ planSize: size });
              }}
            />
          </Field>
          <Field label={t('settings.reminderTime')}>
            <input
              type="time"
              value={settings.reminderTime}
              onChange={(event) => REMINDER_TIME.test(event.target.value) && void save({ reminderTime: event.target.value })}
            />
          </Field>
          <div className="field">
            <label className="inline checkbox">
              <input
                type="checkbox"
                checked={settings.notificationsEnabled}
                onChange={(event) => void save({ notificationsEnabled: event.target.checked })}
              />
              {t('settings.notifications')}
            </label>
          </div>
          <Field label={t('settings.rekindleAfter')} hint={t('settings.rekindleHint')}>
            <input
              type="number"
              min={LIMITS.rekindleMonths.min}
              max={LIMITS.rekindleMonths.max}
              step={1}
              value={settings.rekindleAfterMonths}
              onChange={(event) => {
                const months = event.target.valueAsNumber;
                if (Number.isInteger(months) && months >= LIMITS.rekindleMonths.min && months <= LIMITS.rekindleMonths.max) {
                  void save({ rekindleAfterMonths: months });
                }
              }}
            />
          </Field>
          <Field label={t('settings.language')} hint={t('settings.languageHint')}>
            <select
              value={settings.language}
              onChange={(event) =>
                void save({ language: event.target.value as LanguageSetting }).then((saved) => saved && location.reload())
              }
            >
              <option value="auto">{t('settings.languageAuto')}</option>
              <option value="en" lang="en">
                {t('settings.languageEn')}
              </option>
              <option value="es" lang="es">
                {t('settings.languageEs')}
              </option>
            </select>
          </Field>
          <OutcomeLines status={status} problem={problem} />
        </>
      )}
      {children}
      <DataPanel />
    </section>
  );
}

function DataPanel() {
  const id = useId();
  const db = getDb();
  // Re-measured whenever the number of people changes (an import, a deletion).
  const count = useLiveQuery(() => db.contacts.count(), []);
  const [usage, setUsage] = useState<StorageEstimate | null | undefined>(undefined);
  const [persist, setPersist] = useState<string>('');
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const word = t('settings.deleteWord');

  useEffect(() => {
    let live = true;
    const estimate = navigator.storage?.estimate?.() ?? Promise.reject(new Error('No storage estimate'));
    estimate.then((value) => live && setUsage(value)).catch(() => live && setUsage(null));
    return () => {
      live = false;
    };
  }, [count]);

  const askToPersist = async () => {
    if (!navigator.storage?.persist) {
      setPersist(t('settings.persistUnsupported'));
      return;
    }
    const granted = await navigator.storage.persist().catch(() => false);
    setPersist(granted ? t('settings.persisted') : t('settings.notPersisted'));
  };

  const deleteEverything = async () => {
    try {
      await deleteAllData(db, () => browser.storage.local.clear());
      setTyped('');
      setProblem(null);
      setResult(t('settings.deleted'));
    } catch {
      setProblem(t('settings.deleteFailed'));
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="data">
      <h3 id={`${id}-title`}>{t('settings.dataTitle')}</h3>
      {usage !== undefined && (
        <p>
          {usage?.usage != null && usage.quota != null
            ? t('settings.usage', [formatBytes(usage.usage, uiLanguage()), formatBytes(usage.quota, uiLanguage())])
            : t('settings.usageUnknown')}
        </p>
      )}
      <button type="button" className="secondary" aria-describedby={`${id}-persist-hint`} onClick={() => void askToPersist()}>
        {t('settings.persistButton')}
      </button>
      <p id={`${id}-persist-hint`} className="hint">
        {t('settings.persistHint')}
      </p>
      <p role="status" className="status">
        {persist}
      </p>

      <h4>{t('settings.deleteTitle')}</h4>
      <p id={`${id}-delete-hint`} className="hint">
        {t('settings.deleteHint')}
      </p>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmsDeletion(typed, word)) void deleteEverything();
        }}
      >
        <Field label={t('settings.deleteConfirm', [word])} className="stacked">
          <input
            value={typed}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-delete-hint`}
            onChange={(event) => setTyped(event.target.value)}
          />
        </Field>
        <button type="submit" className="danger" disabled={!confirmsDeletion(typed, word)}>
          {t('settings.deleteButton')}
        </button>
      </form>
      <OutcomeLines status={result} problem={problem} />
    </section>
  );
}
