export const CADENCE_PRESETS = { twoWeeks: 14, month: 30, quarter: 90 } as const;
export type CadenceChoice = keyof typeof CADENCE_PRESETS | 'none' | 'custom';

export function cadenceChoice(days: number | null): CadenceChoice {
  if (!days) return 'none';
  const preset = (Object.keys(CADENCE_PRESETS) as Array<keyof typeof CADENCE_PRESETS>).find(
    (name) => CADENCE_PRESETS[name] === days,
  );
  return preset ?? 'custom';
}
