// The benchmark's report: each figure against its target, notes, and the table printed at the end.

export interface Figure {
  id: string;
  label: string;
  value: number | null;
  unit: 'KB' | 'ms' | 'MB' | 's';
  /** The target, or null for a figure reported for information. */
  target: number | null;
  runs?: number[];
  note?: string;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Work measured against its floor in the same run (machines differ about twofold, so the ratio is
 * what carries from one to another): the limit past which the ratio counts as a regression.
 * `npm run bench:ci` fails past a limit (BENCH_RATIOS=1); the limits are set for its 1,000 people,
 * about twice the ratio measured there, where fixed costs weigh most.
 */
export const RATIO_LIMITS = [
  { figure: 'importConnections', floor: 'importConnectionsFloor', limit: 12 },
  // Issue target: telling new roles from reworded ones adds at most 15 % to a Connections.csv import.
  { figure: 'jobChangeCompare', floor: 'importConnections', limit: 0.15 },
  // Issue target at 30,000 people: today's plan within 1.2x of the due list alone, kept or first
  // after an import (measured 1.13x and 1.05x). At 1,000 the popup's fixed costs weigh more.
  { figure: 'popupToPlan', floor: 'popupToList', limit: 1.5 },
  { figure: 'popupFirstAfterImportPlan', floor: 'popupFirstAfterImport', limit: 2 },
  { figure: 'importBackup', floor: 'importBackupIndexedFloor', limit: 4 },
  { figure: 'archiveImport', floor: 'archiveImportIndexedFloor', limit: 10 },
  // At 1,000 people the upgrade's floor is some 60 ms: its ratio moves with the machine's load (3 to 7 seen).
  { figure: 'schemaUpgrade', floor: 'schemaUpgradeFloor', limit: 15 },
] as const;

export interface Ratio {
  figure: string;
  floor: string;
  value: number;
  limit: number;
  pass: boolean;
}

/** Figures and notes in the order they were measured, which is the order they are printed in. */
export class Report {
  readonly figures: Figure[] = [];
  readonly notes: string[] = [];

  add(...figures: Figure[]): void {
    this.figures.push(...figures);
  }

  /** A latency: the median of the runs, in ms. */
  addLatency(id: string, label: string, runs: number[], target: number | null, note?: string): void {
    this.add({ id, label, value: round(median(runs)), unit: 'ms', target, runs: runs.map((r) => round(r)), note });
  }

  note(...notes: string[]): void {
    this.notes.push(...notes);
  }

  has(id: string): boolean {
    return this.figures.some((f) => f.id === id);
  }

  /** Each ratio of `RATIO_LIMITS` whose figure and floor were both measured, against its limit. */
  ratios(): Ratio[] {
    const value = (id: string) => this.figures.find((f) => f.id === id)?.value ?? null;
    return RATIO_LIMITS.flatMap(({ figure, floor, limit }) => {
      const [work, under] = [value(figure), value(floor)];
      if (work == null || under == null || under <= 0) return [];
      const ratio = round(work / under, 2);
      return [{ figure, floor, value: ratio, limit, pass: ratio <= limit }];
    });
  }

  /** Figures with a target that they missed or were not measured for. */
  missed(): Figure[] {
    return this.figures.filter((f) => f.target != null && (f.value == null || f.value > f.target));
  }

  print(): void {
    const rows = this.figures.map((f) => {
      const value = f.value == null ? 'n/a' : `${f.value} ${f.unit}`;
      const target = f.target == null ? '' : `≤ ${f.target} ${f.unit}`;
      const result = f.target == null || f.value == null ? (f.value == null ? 'MISSING' : '') : f.value <= f.target ? 'pass' : 'FAIL';
      return [f.label, value, target, result];
    });
    const header = ['Figure', 'Value', 'Target', 'Result'];
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
    const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ');
    console.log('');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
    for (const row of rows) console.log(line(row));
    console.log('');
    for (const ratio of this.ratios()) {
      console.log(`Ratio ${ratio.figure} / ${ratio.floor}: ${ratio.value} (limit ${ratio.limit}) ${ratio.pass ? 'pass' : 'REGRESSED'}`);
    }
    console.log('');
    for (const note of this.notes) console.log(`- ${note}`);
  }

  /** The figures as results.json holds them, each with whether it met its target. */
  resultFigures(): Array<Figure & { pass: boolean | null }> {
    return this.figures.map((f) => ({ ...f, pass: f.target == null || f.value == null ? null : f.value <= f.target }));
  }
}
