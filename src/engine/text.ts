// Header and value matching: case- and whitespace-insensitive (§1, §4).
export function normaliseKey(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[\s\u00a0\u202f]+/g, ' ').trim().toLocaleLowerCase('sv');
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** What the user typed, for messages: text as is, numbers plainly, dates as ISO. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString().slice(0, 10) : String(value);
  return String(value);
}
