// §10: kontering (accounting codes) per line kind, optionally per service, from the Export sheet.
import type { LineKind } from '../invoiceLine.js';
import { findService } from '../services.js';
import type { KonteringField } from './layout.js';

export interface KonteringRow {
  readonly kind: LineKind;
  /** Canonical service name; undefined: any service of the kind. */
  readonly service?: string;
  readonly codes: Readonly<Record<KonteringField, string>>;
  /** The invoice row text; '' for the default (Typ and Tjänst). */
  readonly text: string;
  /** Excel row on the Export sheet. */
  readonly row: number;
  /** A1 address of each cell on the Export sheet. */
  readonly cells: Readonly<Record<KonteringField | 'kind' | 'service' | 'text', string>>;
}

/**
 * The kontering of a line: the row for its kind and its (first) service, else the kind's row
 * without a service. Lines of several services (one installation of an alarm and a lock) are
 * booked as their first service.
 */
export function konteringLookup(rows: readonly KonteringRow[]): (kind: LineKind, services: string) => KonteringRow | undefined {
  const exact = new Map<string, KonteringRow>();
  const anyService = new Map<LineKind, KonteringRow>();
  for (const r of rows) {
    if (r.service === undefined) {
      if (!anyService.has(r.kind)) anyService.set(r.kind, r);
    } else if (!exact.has(`${r.kind}|${r.service}`)) exact.set(`${r.kind}|${r.service}`, r);
  }
  const cache = new Map<LineKind, Map<string, KonteringRow | undefined>>();
  return (kind, services) => {
    let byServices = cache.get(kind);
    if (!byServices) cache.set(kind, (byServices = new Map()));
    if (byServices.has(services)) return byServices.get(services);
    const first = services.split(',')[0]!.trim();
    const service = first === '' ? undefined : findService(first)?.name;
    const found = (service !== undefined ? exact.get(`${kind}|${service}`) : undefined) ?? anyService.get(kind);
    byServices.set(services, found);
    return found;
  };
}
