// An independent model of the spec (fee-rules.md §3, §5) for valid registers, in öre as integers.
// Written from the spec only; used to cross-check the product on random registers.
export type Category = 'alarm' | 'button' | 'lock' | 'supervision';
export type Proration = 'started-month' | 'days-30' | 'actual-days';

export interface OracleRow {
  pnr: string;
  service: string; // canonical or alias
  category: Category;
  serial: string;
  installed: number; // day number (days since 1970-01-01, UTC)
  ended?: number;
  status?: 'Återlämnad' | 'Obrukbar' | 'Borttappad' | 'Ej återlämnad';
  reminder?: number;
  costÖre?: number;
  säbo: boolean;
  byte: boolean;
}

export interface OracleInput {
  rows: OracleRow[];
  otherÖre: Map<string, number>; // pnr → other capped fees this month, öre
  abilityÖre: Map<string, number>; // pnr → avgiftsutrymme valid this month, öre
}

export const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86400000;
export const isoOf = (day: number): string => new Date(day * 86400000).toISOString().slice(0, 10);
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const FEE: Record<Category, number> = { alarm: 239, button: 40, lock: 0, supervision: 0 };
const MAXTAXA: Record<number, number> = { 2025: 2642, 2026: 2660 };
const roundHalfUp = (num: number, den: number): number => Math.floor((2 * num + den) / (2 * den)); // non-negative

export interface OracleLine {
  pnr: string;
  kind: string;
  öre: number;
}

export function oracle(input: OracleInput, y: number, m: number, proration: Proration, reminderDays = 30): OracleLine[] {
  const first = dayOf(y, m, 1),
    dim = daysIn(y, m),
    last = first + dim - 1;
  const inMonth = (day: number | undefined): boolean => day !== undefined && day >= first && day <= last;
  const persons = [...new Set(input.rows.map((r) => r.pnr))].sort();
  const out: OracleLine[] = [];
  for (const p of persons) {
    const rows = input.rows.filter((r) => r.pnr === p);
    const lines: OracleLine[] = [];
    let capped = 0;
    for (const cat of ['alarm', 'button', 'lock', 'supervision'] as Category[]) {
      const fee = FEE[cat];
      if (fee === 0) continue;
      const days = new Set<number>();
      for (const r of rows) {
        if (r.category !== cat || r.säbo) continue;
        for (let dd = Math.max(r.installed, first); dd <= Math.min(r.ended ?? last, last); dd++) days.add(dd);
      }
      const n = days.size;
      if (n === 0) continue;
      let kr: number;
      if (proration === 'started-month') kr = fee;
      else if (proration === 'days-30') kr = n === dim ? fee : Math.min(fee, roundHalfUp(fee * n, 30));
      else kr = roundHalfUp(fee * n, dim);
      lines.push({ pnr: p, kind: 'Månadsavgift', öre: kr * 100 });
      capped += kr * 100;
    }
    const occasions = new Set(
      rows.filter((r) => r.category !== 'button' && !r.byte && inMonth(r.installed)).map((r) => r.installed),
    );
    for (const _ of occasions) lines.push({ pnr: p, kind: 'Installationsavgift', öre: 20000 });
    for (const r of rows) {
      const due =
        r.status === 'Obrukbar' || r.status === 'Borttappad'
          ? r.ended
          : r.status === 'Ej återlämnad' && r.reminder !== undefined
            ? r.reminder + reminderDays
            : undefined;
      if (inMonth(due)) lines.push({ pnr: p, kind: 'Ersättning teknik', öre: r.costÖre! });
    }
    const limit = input.abilityÖre.has(p) ? Math.min(MAXTAXA[y]! * 100, input.abilityÖre.get(p)!) : MAXTAXA[y]! * 100;
    const room = Math.max(0, limit - (input.otherÖre.get(p) ?? 0));
    if (capped > room) lines.push({ pnr: p, kind: 'Reduktion högkostnadsskydd', öre: room - capped });
    out.push(...lines);
  }
  return out;
}
