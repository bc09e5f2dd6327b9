// A month's invoice lines (§7), packed: numbers per line, and the values that repeat from line to
// line (amounts, explanations, service lists) kept once. Kept as objects, the bench register's
// 131 711 lines and their source-row arrays were allocated, kept and copied by the garbage
// collector on every run (A/B on the bench register, same sitting: engine 526–571 ms → 443–495).
// A line is made when a reader asks for it, as RegisterTable makes rows.
import { KIND_INDEX, LINE_KINDS, type InvoiceLine, type InvoiceLineList, type RuleId } from './invoiceLine.js';
import type { Money } from './money.js';

/** Each distinct value once, by identity (Money) or by value (strings); a line keeps its index. */
class Distinct<T> {
  private readonly indexOf = new Map<T, number>();
  readonly values: T[] = [];

  index(value: T): number {
    let i = this.indexOf.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.indexOf.set(value, i);
    }
    return i;
  }
}

const NO_PRICE = -1;

export class InvoiceLineTable implements InvoiceLineList {
  private n = 0;
  private capacity: number;
  // Per line.
  private kind: Uint8Array;
  private insideCap: Uint8Array;
  private rule: Uint8Array;
  private quantity: Float64Array;
  private amount: Int32Array;
  private unitPrice: Int32Array;
  private month: Int32Array;
  private services: Int32Array;
  private explanation: Int32Array;
  private otherSources: Int32Array;
  private person: Int32Array;
  private sourcesFrom: Int32Array;
  private deviceIds: string[];
  // Every line's source rows one after another: line i's are sources[sourcesFrom[i] .. sourcesFrom[i + 1]).
  private sources: Int32Array;
  private sourceCount = 0;
  // Per person: a person's lines lie together, from personFrom[p].
  private persons = 0;
  private pnrs: string[];
  private names: string[];
  private personFrom: Int32Array;
  private readonly moneys = new Distinct<Money>();
  private readonly texts = new Distinct<string>();
  private readonly rules = new Distinct<RuleId>();
  private readonly sourceLists = new Distinct<readonly string[]>();

  /** `capacity`: about how many lines will be added (it grows when more are). */
  constructor(capacity = 16) {
    this.capacity = Math.max(16, capacity);
    const c = this.capacity;
    this.kind = new Uint8Array(c);
    this.insideCap = new Uint8Array(c);
    this.rule = new Uint8Array(c);
    this.quantity = new Float64Array(c);
    this.amount = new Int32Array(c);
    this.unitPrice = new Int32Array(c);
    this.month = new Int32Array(c);
    this.services = new Int32Array(c);
    this.explanation = new Int32Array(c);
    this.otherSources = new Int32Array(c);
    this.person = new Int32Array(c);
    this.sourcesFrom = new Int32Array(c + 1);
    this.sources = new Int32Array(c);
    this.personFrom = new Int32Array(c + 1);
    // Made at their size: pushed one by one, these lists were copied as they grew (~20 ms on the bench).
    this.deviceIds = new Array<string>(c);
    this.pnrs = new Array<string>(c);
    this.names = new Array<string>(c);
  }

  get count(): number {
    return this.n;
  }

  /** Persons in the order they were added. */
  get personCount(): number {
    return this.persons;
  }

  /** Person p's lines are `from` ≤ i < `to`. */
  linesOfPerson(p: number): { from: number; to: number } {
    return { from: this.personFrom[p]!, to: p + 1 < this.persons ? this.personFrom[p + 1]! : this.n };
  }

  /** Adds one person's lines (one personnummer and name), copied: the table keeps none of their objects. */
  addPerson(lines: readonly InvoiceLine[]): void {
    if (lines.length === 0) return;
    if (this.n + lines.length > this.capacity) this.grow(this.n + lines.length);
    const p = this.persons++;
    this.pnrs[p] = lines[0]!.pnr;
    this.names[p] = lines[0]!.name;
    this.personFrom[p] = this.n;
    for (const line of lines) this.add(line, p);
  }

  private add(line: InvoiceLine, person: number): void {
    const i = this.n++;
    this.person[i] = person;
    this.kind[i] = KIND_INDEX[line.kind];
    this.insideCap[i] = line.insideCap ? 1 : 0;
    this.rule[i] = this.rules.index(line.rule);
    this.quantity[i] = line.quantity;
    this.amount[i] = this.moneys.index(line.amount);
    this.unitPrice[i] = line.unitPrice === undefined ? NO_PRICE : this.moneys.index(line.unitPrice);
    this.month[i] = this.texts.index(line.month);
    this.services[i] = this.texts.index(line.services);
    this.explanation[i] = this.texts.index(line.explanation);
    this.otherSources[i] = this.sourceLists.index(line.otherSources);
    this.deviceIds[i] = line.deviceIds;
    const rows = line.sourceRows;
    while (this.sourceCount + rows.length > this.sources.length) this.sources = grown(this.sources, this.sources.length * 2);
    this.sourcesFrom[i] = this.sourceCount;
    for (let k = 0; k < rows.length; k++) this.sources[this.sourceCount++] = rows[k]!;
    this.sourcesFrom[i + 1] = this.sourceCount;
  }

  /** Line i (0 ≤ i < count), a new object. */
  at(i: number): InvoiceLine {
    const unitPrice = this.unitPrice[i]!;
    const person = this.person[i]!;
    return {
      pnr: this.pnrs[person]!,
      name: this.names[person]!,
      month: this.texts.values[this.month[i]!]!,
      kind: LINE_KINDS[this.kind[i]!]!,
      services: this.texts.values[this.services[i]!]!,
      deviceIds: this.deviceIds[i]!,
      quantity: this.quantity[i]!,
      unitPrice: unitPrice === NO_PRICE ? undefined : this.moneys.values[unitPrice]!,
      amount: this.moneys.values[this.amount[i]!]!,
      insideCap: this.insideCap[i] === 1,
      rule: this.rules.values[this.rule[i]!]!,
      sourceRows: Array.from(this.sources.subarray(this.sourcesFrom[i]!, this.sourcesFrom[i + 1]!)),
      otherSources: this.sourceLists.values[this.otherSources[i]!]!,
      explanation: this.texts.values[this.explanation[i]!]!,
    };
  }

  /** LINE_KINDS index of line i, without making the line. */
  kindIndexAt(i: number): number {
    return this.kind[i]!;
  }

  /** Amount of line i, without making the line. */
  amountAt(i: number): Money {
    return this.moneys.values[this.amount[i]!]!;
  }

  /** Every line, made now (tests, R7, small months). */
  toArray(): InvoiceLine[] {
    const out = new Array<InvoiceLine>(this.n);
    for (let i = 0; i < this.n; i++) out[i] = this.at(i);
    return out;
  }

  private grow(atLeast: number): void {
    const c = (this.capacity = Math.max(atLeast, this.capacity * 2));
    this.kind = grown(this.kind, c);
    this.insideCap = grown(this.insideCap, c);
    this.rule = grown(this.rule, c);
    this.quantity = grown(this.quantity, c);
    this.amount = grown(this.amount, c);
    this.unitPrice = grown(this.unitPrice, c);
    this.month = grown(this.month, c);
    this.services = grown(this.services, c);
    this.explanation = grown(this.explanation, c);
    this.otherSources = grown(this.otherSources, c);
    this.person = grown(this.person, c);
    this.sourcesFrom = grown(this.sourcesFrom, c + 1);
    this.personFrom = grown(this.personFrom, c + 1);
    this.deviceIds = grownList(this.deviceIds, c);
    this.pnrs = grownList(this.pnrs, c);
    this.names = grownList(this.names, c);
  }
}

type NumberArray = Uint8Array | Int32Array | Float64Array;

function grown<T extends NumberArray>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

function grownList(a: string[], length: number): string[] {
  const b = new Array<string>(length);
  for (let i = 0; i < a.length; i++) b[i] = a[i]!;
  return b;
}
