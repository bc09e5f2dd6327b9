// The pane's choices stored with the workbook, so the next person opening it gets the same:
// the register sheet, hand-picked columns, and the billing overrides (§5, §9) in the engine's
// vocabulary. Stored flat as JSON, so a file written by an older version reads the same.
import {
  parseOverrides,
  REGISTER_COLUMNS,
  SETTING_KEYS,
  type BillingOverrides,
  type ColumnMapping,
  type RawOverrides,
} from '../engine/index.js';

export type StoredSettings = BillingOverrides & {
  readonly registerSheet?: string;
  /** Hand-made column choices, by field, as column index in the used range. */
  readonly mapping?: ColumnMapping;
};

/** Keeps only what is valid: the file may come from an older version or be edited by hand. */
export function readStoredSettings(raw: unknown): StoredSettings {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const out: { registerSheet?: string; mapping?: ColumnMapping } = {};
  if (typeof r.registerSheet === 'string' && r.registerSheet.trim() !== '') out.registerSheet = r.registerSheet;
  if (typeof r.mapping === 'object' && r.mapping !== null) {
    const mapping: Record<string, number> = {};
    for (const { field } of REGISTER_COLUMNS) {
      const v = (r.mapping as Record<string, unknown>)[field];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) mapping[field] = v;
    }
    if (Object.keys(mapping).length > 0) out.mapping = mapping as ColumnMapping;
  }
  // An override that no longer reads (hand-edited) falls back to the Taxa sheet's value.
  return { ...out, ...parseOverrides(r as RawOverrides).overrides };
}

/** The billing overrides among the stored settings. */
export function overridesOf(settings: StoredSettings): BillingOverrides {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) if (settings[key] !== undefined) out[key] = settings[key];
  return out as BillingOverrides;
}
