/** Entities below the lowest level, as the backend counts them. */
export const NO_LEVEL = 'none';

const KNOWN: Record<string, string> = {
  [NO_LEVEL]: '#9e9e9e',
  bronze: '#b0703c',
  silver: '#78909c',
  gold: '#c99a06',
};
const FALLBACK = ['#5c6bc0', '#26a69a', '#8d6e63', '#ab47bc'];

/** One colour per level, the same in chips, bars and trend lines. */
export function levelColor(level: string | null, levels: string[]): string {
  const key = level ?? NO_LEVEL;
  return KNOWN[key] ?? FALLBACK[Math.max(0, levels.indexOf(key)) % FALLBACK.length];
}

export const levelLabel = (level: string | null) =>
  level === null || level === NO_LEVEL ? 'No level' : level.charAt(0).toLocaleUpperCase('en-US') + level.slice(1);
