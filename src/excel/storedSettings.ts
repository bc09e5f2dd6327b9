// The pane's settings stored in the workbook (Workbook.settings): one key, the value JSON text.
import { readStoredSettings, type StoredSettings } from '../workbook/index.js';
import { runExcel } from './errors.js';

export const SETTINGS_KEY = 'vt-avgifter.settings';

export function loadSettings(excel: typeof Excel): Promise<StoredSettings> {
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
    return readStoredSettings(value);
  });
}

export function saveSettings(excel: typeof Excel, settings: StoredSettings): Promise<void> {
  return runExcel(excel, 'spara inställningarna', async (context) => {
    // add() replaces an existing setting of the same key.
    context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(readStoredSettings(settings)));
    await context.sync();
  });
}
