// The user's choices before a run: register sheet, hand-picked columns, month and billing
// overrides. The lasting ones are stored with the workbook, in order, without blocking billing.
import { parseSetting, type ColumnMapping, type RegisterField, type SettingKey, type YearMonth } from '../engine/index.js';
import { overridesOf, type StoredSettings, type WorkbookPort } from '../workbook/index.js';
import { sameMonth } from './months.js';
import { BLOCKER, NOTICE } from './paneMessages.js';
import type { PaneState } from './paneState.js';
import type { PaneStore } from './paneStore.js';
import { mappingRows, missingFields, sheetSummary, validManualMapping } from './registerColumns.js';
import { inputsOf, readSettingInputs } from './settingInputs.js';

export class SettingsFlow {
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: PaneStore,
    private readonly workbook: WorkbookPort,
  ) {}

  /** Header row of the chosen register sheet. */
  headers(): readonly string[] {
    const s = this.store.getState();
    return sheetSummary(s.overview, s.registerSheet)?.headers ?? [];
  }

  mapping(): ColumnMapping {
    return validManualMapping(this.headers(), this.store.getState().manualMapping);
  }

  /** The overrides the fields hold, and what in them cannot be read. */
  overrides(): ReturnType<typeof readSettingInputs> {
    return readSettingInputs(this.store.getState().settingInputs);
  }

  /** Why the run buttons are off, or undefined when a run can go ahead. */
  blocker(): string | undefined {
    const s = this.store.getState();
    if (!s.overview) return BLOCKER.loading;
    if (!s.registerSheet) return BLOCKER.chooseRegister;
    const missing = missingFields(mappingRows(this.headers(), s.manualMapping));
    if (missing.length > 0) return BLOCKER.chooseColumns(missing.map((m) => m.label));
    return this.overrides().problems[0]?.message;
  }

  /** The stored choices, once the pane knows which sheet is the register. */
  restored(stored: StoredSettings, registerSheet: string | undefined): Partial<PaneState> {
    // Stored column choices are indexes into the stored sheet; they mean nothing for another one.
    const sameSheet = registerSheet !== undefined && stored.registerSheet === registerSheet;
    return {
      registerSheet,
      manualMapping: sameSheet && stored.mapping ? stored.mapping : {},
      settingInputs: inputsOf(overridesOf(stored)),
    };
  }

  setRegisterSheet(name: string): void {
    if (name === this.store.getState().registerSheet) return;
    this.store.set({ registerSheet: name, manualMapping: {} }, ['run', 'review', 'notice']);
    this.save();
  }

  setColumn(field: RegisterField, index: number | undefined): void {
    const manualMapping: ColumnMapping = { ...this.store.getState().manualMapping };
    if (index === undefined) delete manualMapping[field];
    else manualMapping[field] = index;
    this.store.set({ manualMapping }, ['run', 'review']);
    this.save();
  }

  setMonth(month: YearMonth): void {
    if (sameMonth(month, this.store.getState().month)) return;
    this.store.set({ month }, ['run', 'review']);
  }

  /** `text` as typed or chosen; blank: as the Taxa sheet says. Stored once it reads. */
  setSetting(key: SettingKey, text: string): void {
    this.store.set({ settingInputs: { ...this.store.getState().settingInputs, [key]: text } }, ['run', 'review']);
    if (text.trim() === '' || parseSetting(key, text).ok) this.save();
  }

  /** Saves in order; a failed save is shown but does not block billing. */
  private save(): void {
    const s = this.store.getState();
    const mapping = this.mapping();
    const settings: StoredSettings = {
      ...(s.registerSheet !== undefined ? { registerSheet: s.registerSheet } : {}),
      ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
      ...this.overrides().overrides, // what reads; a field that does not is left out
    };
    this.saving = this.saving
      .then(() => this.workbook.saveSettings(settings))
      .catch((e: unknown) => this.store.set({ notice: NOTICE.settingsNotSaved(e) }));
  }

  /** Resolves when every queued save has finished (tests, and before closing). */
  settled(): Promise<void> {
    return this.saving;
  }
}
