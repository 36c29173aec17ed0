import { useId, useState, type ChangeEvent } from 'react';
import { getDb } from '@/utils/storage/db';
import { localToday } from '@/utils/core/dates';
import { backupJson, collectBackup } from '@/utils/import-export/backup';
import {
  contactsToCsv,
  contactsToVcard,
  exportFileName,
  exportMimeType,
  type ExportKind,
} from '@/utils/import-export/export-formats';
import { t, uiLanguage } from '@/utils/core/i18n';
import { undoImport } from '@/utils/import-export/undo';
import type { ImportOutcome } from '@/utils/import-export/transaction';
import { ImportError } from '@/utils/core/import-errors';
import { importAnyFile } from '@/utils/import-export/import-file';
import { MAX_ARCHIVE_MEGABYTES } from '@/utils/import-export/archive-import';
import type { ImportProgress } from '@/utils/core/pacing';
import { settingsItem } from '@/utils/storage/settings';
import { prepareTodaysPlan } from '@/utils/plan/today';
import { downloadText } from '../pages/download';
import { Field } from '../ui/Field';
import '../pages/options-sections.css';

function importErrorMessage(error: unknown): string {
  if (!(error instanceof ImportError)) return t('importExport.errors.writeFailed');
  switch (error.code) {
    case 'too-large':
      return t('importExport.errors.tooLarge');
    case 'empty':
      return t('importExport.errors.empty');
    case 'binary':
      return t('importExport.errors.binary');
    case 'unrecognised':
      return t('importExport.errors.unrecognised');
    case 'truncated-json':
      return t('importExport.errors.truncatedJson', [String(error.line ?? 1)]);
    case 'bad-json':
      return error.line
        ? t('importExport.errors.badJson', [String(error.line)])
        : t('importExport.errors.badJsonSomewhere');
    case 'not-backup':
      return t('importExport.errors.notBackup');
    case 'newer-version':
      return t('importExport.errors.newerVersion');
    case 'invalid-backup':
      return t('importExport.errors.invalidBackup', [error.where ?? '?']);
    case 'no-header':
      return t('importExport.errors.noHeader');
    case 'bad-csv':
      return t('importExport.errors.badCsv', [String(error.line ?? 1)]);
    case 'storage-full':
      return t('importExport.errors.storageFull');
    case 'write-failed':
      return t('importExport.errors.writeFailed');
    case 'missing-columns':
      return t('importExport.errors.missingColumns', [error.where ?? '?']);
    case 'archive-too-large':
      return t('importExport.errors.archiveTooLarge', [String(MAX_ARCHIVE_MEGABYTES)]);
    case 'archive-broken':
      return t('importExport.errors.archiveBroken');
    case 'archive-encrypted':
      return t('importExport.errors.archiveEncrypted');
    case 'archive-no-files':
      return t('importExport.errors.archiveNoFiles');
  }
}

function progressText({ step, done, count, total }: ImportProgress): string {
  const number = (value: number) => value.toLocaleString(uiLanguage());
  switch (step) {
    case 'reading':
      // An archive ZIP is unpacked in parts: how far, so the line moves while it does.
      if (total <= 1 || done <= 0 || done >= total) return t('importExport.progress.reading');
      return t('importExport.progress.readingShare', [new Intl.NumberFormat(uiLanguage(), { style: 'percent' }).format(done / total)]);
    case 'connections':
      return t('importExport.progress.connections', [number(count)]);
    case 'invitations':
      return t('importExport.progress.invitations', [number(count)]);
    case 'messages':
      return t('importExport.progress.messages', [number(count)]);
    case 'checking':
      return t('importExport.progress.checking', [number(count), number(total)]);
    case 'matching':
      return t('importExport.progress.matching', [number(count), number(total)]);
    case 'comparing':
      return t('importExport.progress.comparing', [number(count), number(total)]);
    case 'saving':
      return t('importExport.progress.saving', [number(count), number(total)]);
  }
}

function summaryLines({ summary }: ImportOutcome): string[] {
  const lines = [
    t('importExport.result', summary.people, [String(summary.people), String(summary.created), String(summary.updated)]),
  ];
  if (summary.jobChanges > 0) lines.push(t('importExport.jobChanges', summary.jobChanges));
  if (summary.unchanged > 0) lines.push(t('importExport.unchanged', summary.unchanged));
  if (summary.interactionsAdded > 0) lines.push(t('importExport.interactionsAdded', summary.interactionsAdded));
  if (summary.contactsFromMessages > 0) lines.push(t('importExport.contactsFromMessages', summary.contactsFromMessages));
  if (summary.kind === 'linkedin-archive' && summary.created + summary.updated + summary.interactionsAdded === 0) {
    lines.push(t('importExport.nothingNew'));
  }
  if (summary.skippedNoUrl > 0) lines.push(t('importExport.skippedNoUrl', summary.skippedNoUrl));
  if (summary.settingsRestored) lines.push(t('importExport.settingsRestored'));
  return lines;
}

/** Export everything or a readable copy; import LinkedIn's Connections.csv or a backup, with undo. */
export function ImportExportSection() {
  const db = getDb();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [notice, setNotice] = useState<string[]>([]);
  const [keepExcerpts, setKeepExcerpts] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  const report = (lines: string[], error: string | null = null) => {
    setNotice(lines);
    setProblem(error);
  };

  const exportAs = async (kind: ExportKind) => {
    try {
      let content: string;
      if (kind === 'backup') {
        content = backupJson(await collectBackup(db, await settingsItem.getValue()));
      } else {
        const contacts = (await db.contacts.toArray()).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        content = kind === 'csv' ? contactsToCsv(contacts) : contactsToVcard(contacts);
      }
      const fileName = exportFileName(kind, localToday());
      downloadText(fileName, content, exportMimeType(kind));
      report([t('importExport.exported', [fileName])]);
    } catch {
      report([], t('importExport.exportFailed'));
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again imports it again.
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    report([t('importExport.importing')]);
    try {
      const result = await importAnyFile(db, file, { settings: settingsItem, keepExcerpts, onProgress: setProgress });
      // The network changed: today's plan is made again now, not in the next popup while it opens.
      await prepareTodaysPlan(db, localToday(), { remake: true }).catch(() => undefined);
      setOutcome(result);
      report(summaryLines(result));
    } catch (error) {
      report([], importErrorMessage(error));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const undo = async () => {
    if (!outcome) return;
    setBusy(true);
    try {
      const { keptChanged } = await undoImport(db, outcome.undo, settingsItem);
      setOutcome(null);
      report([keptChanged > 0 ? t('importExport.undoneKept', keptChanged) : t('importExport.undone')]);
    } catch {
      report([], t('importExport.undoFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="import-export" aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('options.importExport')}</h2>

      <h3>{t('importExport.exportTitle')}</h3>
      <p className="hint">{t('importExport.exportHint')}</p>
      <div className="row">
        <button type="button" onClick={() => void exportAs('backup')}>
          {t('importExport.exportJson')}
        </button>
        <button type="button" className="secondary" onClick={() => void exportAs('csv')}>
          {t('importExport.exportCsv')}
        </button>
        <button type="button" className="secondary" onClick={() => void exportAs('vcard')}>
          {t('importExport.exportVcard')}
        </button>
      </div>

      <h3>{t('importExport.importTitle')}</h3>
      <Field label={t('importExport.importLabel')} hint={`${t('importExport.importHint')} ${t('importExport.archiveHint')}`}>
        <input
          type="file"
          accept=".csv,.json,.zip,text/csv,application/json,application/zip"
          disabled={busy}
          onChange={(event) => void onFile(event)}
        />
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={keepExcerpts}
          disabled={busy}
          aria-describedby={`${id}-excerpts-hint`}
          onChange={(event) => setKeepExcerpts(event.target.checked)}
        />
        {t('importExport.keepExcerpts')}
      </label>
      <p id={`${id}-excerpts-hint`} className="hint">
        {t('importExport.keepExcerptsHint')}
      </p>
      {progress && (
        <div className="import-progress">
          <progress
            aria-label={t('importExport.progressLabel')}
            max={Math.max(1, progress.total)}
            value={Math.min(progress.done, progress.total)}
          />
          <span>{progressText(progress)}</span>
        </div>
      )}

      <div role="status" className="import-status">
        {notice.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {outcome && outcome.undo.contacts.length + outcome.undo.interactions.length + outcome.undo.archiveEntries.length > 0 && (
        <button type="button" className="secondary" disabled={busy} onClick={() => void undo()}>
          {t('importExport.undo')}
        </button>
      )}
    </section>
  );
}
