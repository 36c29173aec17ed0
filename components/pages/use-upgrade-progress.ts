import { useEffect, useState } from 'react';
import { getDb } from '@/utils/storage/db';
import { watchUpgrade } from '@/utils/storage/upgrade-progress';
import type { UpgradeProgress } from '@/utils/core/schema';

/** How far the update of the notes is, for pages that open the database themselves (popup, options). */
export function useUpgradeProgress(): UpgradeProgress | null {
  const [progress, setProgress] = useState<UpgradeProgress | null>(null);
  useEffect(() => watchUpgrade(getDb(), indexedDB, setProgress), []);
  return progress;
}
