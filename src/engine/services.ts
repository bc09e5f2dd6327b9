// §1: the services, their accepted spellings and fee categories.
import { normaliseKey } from './text.js';

export type FeeCategory = 'alarm' | 'button' | 'lock' | 'supervision';
export const FEE_CATEGORIES: readonly FeeCategory[] = ['alarm', 'button', 'lock', 'supervision'];

export interface Service {
  readonly name: string; // canonical Swedish name
  readonly category: FeeCategory;
  readonly aliases: readonly string[];
}

export const SERVICES: readonly Service[] = [
  { name: 'Trygghetslarm', category: 'alarm', aliases: ['Digitalt trygghetslarm', 'Larm'] },
  { name: 'Mobilt trygghetslarm', category: 'alarm', aliases: ['GPS-larm', 'GPS-klocka', 'Mobilt larm'] },
  { name: 'Larmknapp sammanboende', category: 'button', aliases: ['Larmknapp', 'Extra larmknapp'] },
  { name: 'Digitalt lås', category: 'lock', aliases: ['Nyckelfritt lås', 'Nyckelfri hemtjänst'] },
  { name: 'Digital tillsyn', category: 'supervision', aliases: ['Nattillsyn', 'Kameratillsyn'] },
];

/** Swedish names of the categories, for line texts. */
export const CATEGORY_LABEL: Readonly<Record<FeeCategory, string>> = {
  alarm: 'trygghetslarm',
  button: 'larmknapp sammanboende',
  lock: 'digitalt lås',
  supervision: 'digital tillsyn',
};

/** R3: categories whose new installation carries the installation fee. */
export const INSTALLATION_FEE_CATEGORIES: ReadonlySet<FeeCategory> = new Set(['alarm', 'lock', 'supervision']);

const byKey = new Map<string, Service>();
for (const s of SERVICES) {
  byKey.set(normaliseKey(s.name), s);
  for (const a of s.aliases) byKey.set(normaliseKey(a), s);
}

export function findService(value: unknown): Service | undefined {
  return byKey.get(normaliseKey(value));
}
