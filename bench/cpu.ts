// CPU time of the browser under test. On a machine shared with other work, wall-clock times of
// long operations mostly measure the queue for the CPU; the CPU seconds the browser's processes
// spent say what the operation costs. Linux only (/proc); null elsewhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { round } from './figures';

/** CPU seconds spent so far by the browser started on `userDataDir` and all its child processes. */
export function browserCpuSeconds(userDataDir: string): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const parents = new Map<number, number>();
  const times = new Map<number, number>();
  const roots: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(pid, Number(fields[1]));
      times.set(pid, Number(fields[11]) + Number(fields[12]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${userDataDir}`)) roots.push(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  if (tree.size === 0) return null;
  let ticks = 0;
  for (const pid of tree) ticks += times.get(pid) ?? 0;
  return ticks / 100; // USER_HZ
}

export const cpuNote = (seconds: number | null) => (seconds == null ? '' : `; browser CPU time ${round(seconds, 1)} s`);
