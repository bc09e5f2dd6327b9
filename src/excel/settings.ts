// Pane settings stored in the workbook (Workbook.settings), so whoever opens the file next
// gets the same register, columns and rules. One key; the value is JSON text.
import { isValidReminderDays, PRORATIONS, REGISTER_COLUMNS, type ColumnMapping, type Proration } from '../engine/index.js';
import { runExcel } from './errors.js';
import type { PaneSettings } from '../taskpane/officeActions.js';

export const SETTINGS_KEY = 'vt-avgifter.settings';

/** Keeps only what is valid: the file may come from an older version or be edited by hand. */
export function cleanSettings(raw: unknown): PaneSettings {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const out: { registerSheet?: string; mapping?: ColumnMapping; proration?: Proration; reminderDays?: number } = {};
  if (typeof r.registerSheet === 'string' && r.registerSheet.trim() !== '') out.registerSheet = r.registerSheet;
  if (typeof r.mapping === 'object' && r.mapping !== null) {
    const mapping: Record<string, number> = {};
    for (const { field } of REGISTER_COLUMNS) {
      const v = (r.mapping as Record<string, unknown>)[field];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) mapping[field] = v;
    }
    if (Object.keys(mapping).length > 0) out.mapping = mapping as ColumnMapping;
  }
  if (typeof r.proration === 'string' && (PRORATIONS as readonly string[]).includes(r.proration))
    out.proration = r.proration as Proration;
  if (typeof r.reminderDays === 'number' && isValidReminderDays(r.reminderDays)) out.reminderDays = r.reminderDays;
  return out;
}

export function loadSettings(excel: typeof Excel): Promise<PaneSettings> {
  return runExcel(excel, 'läsa inställningarna', async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('value');
    await context.sync();
    if (setting.isNullObject) return {};
    let value: unknown = setting.value;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        return {}; // unreadable: start from defaults rather than block the pane
      }
    }
    return cleanSettings(value);
  });
}

export function saveSettings(excel: typeof Excel, settings: PaneSettings): Promise<void> {
  return runExcel(excel, 'spara inställningarna', async (context) => {
    // add() replaces an existing setting of the same key.
    context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(cleanSettings(settings)));
    await context.sync();
  });
}
