// Header and value matching: case- and whitespace-insensitive (§1, §4).
// Registers repeat the same few words (services, statuses) on every row: remember them.
const keyCache = new Map<string, string>();

export function normaliseKey(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  const cached = keyCache.get(text);
  if (cached !== undefined) return cached;
  // NFC: "Å" typed as A + ring (macOS, PDF copies) is the same letter as the precomposed one.
  const key = text
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
  if (keyCache.size < 10000) keyCache.set(text, key);
  return key;
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** What the user typed, for messages: text as is, numbers plainly, dates as ISO. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'SANT' : 'FALSKT'; // as Swedish Excel shows them
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString().slice(0, 10) : String(value);
  return String(value);
}

/** A cell as text: trimmed where it is text, as displayValue shows it otherwise, '' where blank. */
export function cellText(value: unknown): string {
  if (isBlank(value)) return '';
  return typeof value === 'string' ? value.trim() : displayValue(value);
}
