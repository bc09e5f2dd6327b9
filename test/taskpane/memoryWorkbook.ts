// The workbook port over plain arrays, for controller tests: records every call, writes nothing real.
import {
  DEFAULT_PRISBASBELOPP,
  DEFAULT_TARIFF,
  EXPORT_SHEET,
  exportTemplateSheet,
  findSheetName,
  invoiceSheetNames,
  SIDE_SHEETS,
  sheetGrid,
  taxaSheetValues,
  type OutputCell,
  type OutputSheet,
  type SheetCells,
} from '../../src/engine/index.js';
import type {
  ProgressReport,
  ReadOptions,
  StoredSettings,
  WorkbookOverview,
  WorkbookPort,
  WorkbookRead,
} from '../../src/workbook/index.js';

export interface Call {
  readonly name: keyof WorkbookPort;
  readonly args: readonly unknown[];
}

/** Sheets hold the values a range would give: strings, numbers, '' for empty. */
export class MemoryWorkbook implements WorkbookPort {
  readonly calls: Call[] = [];
  saved: StoredSettings;
  /** Lets a test hold a step open (e.g. to see the pane while busy). */
  gate: Promise<void> | undefined;
  /** Makes the next call of that name throw. */
  failNext: Partial<Record<keyof WorkbookPort, Error>> = {};

  constructor(
    readonly sheets: Map<string, unknown[][]>,
    settings: StoredSettings = {},
  ) {
    this.saved = settings;
  }

  static of(sheets: Record<string, unknown[][]>, settings?: StoredSettings): MemoryWorkbook {
    return new MemoryWorkbook(new Map(Object.entries(sheets)), settings);
  }

  count(name: keyof WorkbookPort): number {
    return this.calls.filter((c) => c.name === name).length;
  }

  private async call(name: keyof WorkbookPort, args: unknown[]): Promise<void> {
    this.calls.push({ name, args });
    if (this.gate) await this.gate;
    const err = this.failNext[name];
    if (err) {
      delete this.failNext[name];
      throw err;
    }
  }

  private names(): string[] {
    return [...this.sheets.keys()];
  }

  async overview(): Promise<WorkbookOverview> {
    await this.call('overview', []);
    return {
      sheets: [...this.sheets].map(([name, rows]) => ({
        name,
        headers: (rows[0] ?? []).map((v) => (v === null || v === undefined ? '' : String(v))),
        rowCount: Math.max(0, rows.length - 1),
      })),
      hasTaxaSheet: findSheetName(this.names(), SIDE_SHEETS.taxa) !== undefined,
      hasExportSheet: findSheetName(this.names(), EXPORT_SHEET) !== undefined,
    };
  }

  async loadSettings(): Promise<StoredSettings> {
    await this.call('loadSettings', []);
    return this.saved;
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    await this.call('saveSettings', [settings]);
    this.saved = settings;
  }

  async readWorkbook(registerSheet: string, progress: ProgressReport, options: ReadOptions = {}): Promise<WorkbookRead> {
    await this.call('readWorkbook', [registerSheet, options]);
    progress(0.5, `Läser ${registerSheet} …`);
    const cells = (name: string | undefined) => {
      const rows = name === undefined ? undefined : this.sheets.get(name);
      return rows && name !== undefined ? { name, values: rows.map((r) => [...r]) } : undefined;
    };
    const register = cells(registerSheet);
    if (!register) throw new Error(`Bladet ${registerSheet} finns inte.`);
    const otherFees = cells(findSheetName(this.names(), SIDE_SHEETS.otherFees));
    const ability = cells(findSheetName(this.names(), SIDE_SHEETS.ability));
    const taxa = cells(findSheetName(this.names(), SIDE_SHEETS.taxa));
    const record = options.record ? invoiceSheetNames(this.names(), options.record.except).map((s) => cells(s.name)!) : undefined;
    progress(1, 'Klart');
    return {
      register,
      ...(otherFees ? { otherFees } : {}),
      ...(ability ? { ability } : {}),
      ...(taxa ? { taxa } : {}),
      ...(record ? { record } : {}),
    };
  }

  async readSheets(names: readonly string[], progress: ProgressReport): Promise<(SheetCells | undefined)[]> {
    await this.call('readSheets', [names]);
    progress(1, 'Klart');
    return names.map((wanted) => {
      const name = findSheetName(this.names(), wanted);
      const rows = name === undefined ? undefined : this.sheets.get(name);
      return name !== undefined && rows ? { name, values: rows.map((r) => [...r]) } : undefined;
    });
  }

  async existingSheets(names: readonly string[]): Promise<string[]> {
    await this.call('existingSheets', [names]);
    return names.filter((n) => this.sheets.has(n));
  }

  async writeSheets(sheets: readonly OutputSheet[], progress: ProgressReport): Promise<void> {
    await this.call('writeSheets', [sheets.map((s) => s.name)]);
    sheets.forEach((s, i) => {
      this.sheets.set(s.name, sheetGrid(s));
      progress((i + 1) / sheets.length, `Skriver ${s.name} …`);
    });
  }

  async writeTextSheet(name: string, lines: readonly string[], progress: ProgressReport): Promise<void> {
    await this.call('writeTextSheet', [name, lines.length]);
    this.sheets.set(
      name,
      lines.map((l) => [l]),
    );
    progress(1, `Skriver ${name} …`);
  }

  async createTaxaSheet(): Promise<void> {
    await this.call('createTaxaSheet', []);
    this.sheets.set('Taxa', taxaSheetValues(DEFAULT_TARIFF, DEFAULT_PRISBASBELOPP));
  }

  async createExportSheet(): Promise<void> {
    await this.call('createExportSheet', []);
    if (findSheetName(this.names(), EXPORT_SHEET)) throw new Error('Arbetsboken har redan ett Export-blad.');
    this.sheets.set(EXPORT_SHEET, sheetGrid(exportTemplateSheet()));
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.call('selectCell', [sheet, address]);
  }

  async readSheetValues(sheet: string): Promise<OutputCell[][] | undefined> {
    await this.call('readSheetValues', [sheet]);
    const rows = this.sheets.get(sheet);
    return rows?.map((r) => r.map((v) => (typeof v === 'number' || typeof v === 'string' ? v : '')));
  }

  async highlightCells(sheet: string, addresses: readonly string[]): Promise<void> {
    await this.call('highlightCells', [sheet, [...addresses]]);
  }
}

/** Seed rows with Dates turned into Excel serials, as a range gives them. */
export function asRangeValues(rows: unknown[][]): unknown[][] {
  const epoch = Date.UTC(1899, 11, 30);
  return rows.map((r) => r.map((v) => (v instanceof Date ? (v.getTime() - epoch) / 86400000 : (v ?? ''))));
}
