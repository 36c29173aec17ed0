import { t } from '@/utils/core/i18n';
import type { PeerProblem, SyncStatus } from '@/utils/sync/state';

/** What the last sync found wrong with the server's files, browser by browser, in plain words. */
export function SyncFindings({ status }: { status: SyncStatus }) {
  const lines = [
    ...(status.peers ?? []).flatMap(peerLines),
    ...(status.repaired ? [t('sync.found.repaired')] : []),
  ];
  if (lines.length === 0) return null;
  return (
    <ul aria-label={t('sync.found.title')} className="hint">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function peerLines(peer: PeerProblem): string[] {
  const name = peer.name ?? t('sync.found.unnamed');
  return [
    ...(peer.missing > 0 ? [t('sync.found.missing', peer.missing, [name, String(peer.missing)])] : []),
    ...(peer.damaged > 0 ? [t('sync.found.damaged', peer.damaged, [name, String(peer.damaged)])] : []),
    ...(peer.behind ? [t('sync.found.behind', [name])] : []),
    ...(peer.ignored > 0 ? [t('sync.found.ignored', peer.ignored, [name, String(peer.ignored)])] : []),
  ];
}
