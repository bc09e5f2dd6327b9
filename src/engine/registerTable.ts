// The register's accepted rows (§4), packed. Kept as 250 000 objects they were ~50 MB that the
// garbage collector copied on every run; packed, reading the bench register takes ~120 ms instead
// of ~220 and billing it ~455 instead of ~540. A row's numbers fill 32 bytes of one Int32Array and
// its texts four slots of one array: billing visits rows in personnummer order, not register
// order, and a column per field (tried first) cost a cache miss per field, ~150 ms more.
// A rule still sees a RegisterRow, made when it is asked for and dropped after the person.
import type { Day } from './days.js';
import type { Housing, InstallType, RegisterRow, ReturnStatus } from './register.js';
import { SERVICES } from './services.js';

const RETURN_STATUSES: readonly ReturnStatus[] = ['none', 'returned', 'unusable', 'lost', 'notReturned'];
const HOUSINGS: readonly Housing[] = ['ordinary', 'special'];
const INSTALL_TYPES: readonly InstallType[] = ['new', 'replacement'];

// A row's numbers: NUMBERS slots from i * NUMBERS.
const NUMBERS = 8;
const ROW_NUMBER = 0,
  KEY_HIGH = 1, // personKey / 2^32
  KEY_LOW = 2, // personKey mod 2^32
  INSTALLED = 3,
  ENDED = 4,
  REMINDER = 5,
  CHOICES = 6; // service + 8 × return status + 64 × housing + 128 × install type
const TWO_32 = 2 ** 32;
/** No date (a blank Avslutad or Påminnelse); days since 1970 never come near it. */
const NO_DAY = -2147483648;
// A row's texts: TEXTS slots from i * TEXTS.
const TEXTS = 4;
const PNR = 0,
  NAME = 1,
  DEVICE_ID = 2,
  COST_CELL = 3;

const dayOrNone = (day: Day | undefined): number => (day === undefined ? NO_DAY : day);
const dayOf = (stored: number): Day | undefined => (stored === NO_DAY ? undefined : stored);

/** A RegisterRow that is filled in field by field. */
export type WritableRegisterRow = { -readonly [K in keyof RegisterRow]: RegisterRow[K] };

/** A row to fill in (RegisterTable.row, the register reader): every field present, so all share one shape. */
export const blankRegisterRow = (): WritableRegisterRow => ({
  rowNumber: 0,
  pnr: '',
  personKey: 0,
  name: '',
  service: SERVICES[0]!,
  deviceId: '',
  installed: 0,
  ended: undefined,
  returnStatus: 'none',
  reminder: undefined,
  costCell: undefined,
  housing: 'ordinary',
  installType: 'new',
});

export class RegisterTable {
  private n = 0;
  private readonly numbers: Int32Array;
  private readonly texts: unknown[];

  /** `capacity`: the most rows that will be added (the sheet's data rows). */
  constructor(capacity: number) {
    this.numbers = new Int32Array(capacity * NUMBERS);
    this.texts = new Array<unknown>(capacity * TEXTS);
  }

  get count(): number {
    return this.n;
  }

  add(row: RegisterRow): void {
    const i = this.n++;
    const at = i * NUMBERS,
      numbers = this.numbers;
    numbers[at + ROW_NUMBER] = row.rowNumber;
    const high = Math.floor(row.personKey / TWO_32);
    numbers[at + KEY_HIGH] = high;
    numbers[at + KEY_LOW] = row.personKey - high * TWO_32;
    numbers[at + INSTALLED] = row.installed;
    numbers[at + ENDED] = dayOrNone(row.ended);
    numbers[at + REMINDER] = dayOrNone(row.reminder);
    numbers[at + CHOICES] =
      SERVICES.indexOf(row.service) +
      8 * RETURN_STATUSES.indexOf(row.returnStatus) +
      64 * HOUSINGS.indexOf(row.housing) +
      128 * INSTALL_TYPES.indexOf(row.installType);
    const t = i * TEXTS,
      texts = this.texts;
    texts[t + PNR] = row.pnr;
    texts[t + NAME] = row.name;
    texts[t + DEVICE_ID] = row.deviceId;
    texts[t + COST_CELL] = row.costCell;
  }

  /** RegisterRow.personKey of row i: persons are grouped and ordered without making a row. */
  personKey(i: number): number {
    const at = i * NUMBERS;
    return this.numbers[at + KEY_HIGH]! * TWO_32 + (this.numbers[at + KEY_LOW]! >>> 0);
  }

  /** RegisterRow.pnr of row i. */
  pnr(i: number): string {
    return this.texts[i * TEXTS + PNR] as string;
  }

  /**
   * Row i (0 ≤ i < count) as the rules read it: a new object, or `reuse` (a row this table made)
   * filled in again.
   */
  row(i: number, reuse?: RegisterRow): RegisterRow {
    const at = i * NUMBERS,
      numbers = this.numbers;
    const t = i * TEXTS,
      texts = this.texts;
    const choices = numbers[at + CHOICES]!;
    const row = (reuse ?? blankRegisterRow()) as WritableRegisterRow;
    row.rowNumber = numbers[at + ROW_NUMBER]!;
    row.pnr = texts[t + PNR] as string;
    row.personKey = numbers[at + KEY_HIGH]! * TWO_32 + (numbers[at + KEY_LOW]! >>> 0);
    row.name = texts[t + NAME] as string;
    row.service = SERVICES[choices & 7]!;
    row.deviceId = texts[t + DEVICE_ID] as string;
    row.installed = numbers[at + INSTALLED]!;
    row.ended = dayOf(numbers[at + ENDED]!);
    row.returnStatus = RETURN_STATUSES[(choices >> 3) & 7]!;
    row.reminder = dayOf(numbers[at + REMINDER]!);
    row.costCell = texts[t + COST_CELL];
    row.housing = HOUSINGS[(choices >> 6) & 1]!;
    row.installType = INSTALL_TYPES[(choices >> 7) & 1]!;
    return row;
  }

  /** Every row, made now (tests, small registers). */
  rows(): RegisterRow[] {
    return Array.from({ length: this.n }, (_, i) => this.row(i));
  }
}
