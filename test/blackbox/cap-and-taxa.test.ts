// Spec §3 R5 (room = max(0, min(maxtaxa, avgiftsutrymme) − other capped fees), one reduction
// line) and §2 the tariff as data (Taxa sheet: versions by date, prisbasbelopp per year).
import { describe, expect, it } from 'vitest';
import { bill, d, kinds, PBB_HEADERS, pnr, TAXA_HEADERS, ten, type Row } from './harness.js';

const P = pnr(1933, 3, 3, 333);
const Q = pnr(1934, 4, 4, 444);
const M = '2025-03';
const alarm = (extra: Row = {}): Row => ({ Personnummer: P, Tjänst: 'Trygghetslarm', Installerad: d('2024-01-01'), ...extra });
const OTHER_H = ['Personnummer', 'Månad', 'Belopp'];
const ABILITY_H = ['Personnummer', 'Avgiftsutrymme', 'Giltig från'];
const fee = (n: number): [string, number] => ['Månadsavgift', n];
const red = (n: number): [string, number] => ['Reduktion högkostnadsskydd', n];
const inst = (n = 200): [string, number] => ['Installationsavgift', n];

describe('R5 with Övriga avgifter', () => {
  it('several rows for the person in the month add up (text month and a date in the month); other months are ignored', async () => {
    const r = await bill(
      {
        rows: [alarm()],
        other: [
          OTHER_H,
          [P, '2025-03', 1000],
          [P, d('2025-03-15'), 1500],
          [P, '2025-02', 5000],
          [P, d('2025-04-01'), 5000],
          [P, d('2025-02-28'), 5000],
          [Q, '2025-03', 9999],
        ],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239), red(-97)]);
    expect(r.totalOf(P)).toBe(142);
  });

  it('öre in Övriga avgifter: 2 500,55 → room 141,45 → reduction −97,55', async () => {
    const r = await bill({ rows: [alarm()], other: [OTHER_H, [P, '2025-03', 2500.55]] }, M);
    expect(kinds(r.lines)).toEqual([fee(239), red(-97.55)]);
    expect(r.totalOf(P)).toBe(141.45);
  });

  it('the personnummer in Övriga avgifter may be written in 10-digit form', async () => {
    const r = await bill({ rows: [alarm()], other: [OTHER_H, [ten(P), '2025-03', 2500]] }, M);
    expect(kinds(r.lines)).toEqual([fee(239), red(-97)]);
  });

  it('a person only in Övriga avgifter gets no lines', async () => {
    const r = await bill({ rows: [alarm()], other: [OTHER_H, [Q, '2025-03', 2500]] }, M);
    expect(r.linesOf(Q)).toEqual([]);
    expect(kinds(r.linesOf(P))).toEqual([fee(239)]);
  });

  it.each([
    [1000, []],
    [2403, []], // room exactly 239: not exceeded, no reduction line
    [2404, [red(-1)]],
    [2642, [red(-239)]],
    [3000, [red(-239)]], // room max(0, …) = 0
  ])('Övriga avgifter %i → %j', async (amount, reduction) => {
    const r = await bill({ rows: [alarm()], other: [OTHER_H, [P, '2025-03', amount]] }, M);
    expect(kinds(r.lines)).toEqual([fee(239), ...reduction]);
  });

  it('room 0 reduces the capped lines (alarm + button) to 0 but never the installation or the Ersättning teknik', async () => {
    const r = await bill(
      {
        rows: [
          alarm({ Installerad: d('2025-03-04') }),
          alarm({
            Tjänst: 'Larmknapp',
            Installerad: d('2023-01-01'),
            Avslutad: d('2025-03-20'),
            Återlämning: 'Borttappad',
            Kostnad: 450,
          }),
        ],
        other: [OTHER_H, [P, '2025-03', 3000]],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239), fee(40), inst(), ['Ersättning teknik', 450], red(-279)]);
    expect(r.totalOf(P)).toBe(650);
  });

  it('maxtaxa follows the billing year: 2026 is 2 660 → room 160 → −79', async () => {
    const r = await bill({ rows: [alarm()], other: [OTHER_H, [P, '2026-01', 2500]] }, '2026-01');
    expect(kinds(r.lines)).toEqual([fee(239), red(-79)]);
  });

  it('maxtaxa 2024 is 2 575 (with a Taxa version in force in 2024) → room 75 → −164', async () => {
    const r = await bill(
      {
        rows: [alarm({ Installerad: d('2023-01-01') })],
        other: [OTHER_H, [P, '2024-03', 2500]],
        taxa: [TAXA_HEADERS, [d('2024-01-01'), 239, 40, 0, 0, 200]],
      },
      '2024-03',
    );
    expect(kinds(r.lines)).toEqual([fee(239), red(-164)]);
  });
});

describe('R5 with Avgiftsutrymme', () => {
  const history: unknown[][] = [ABILITY_H, [P, 100, d('2024-01-01')], [P, 500, d('2025-03-02')], [P, 50, d('2025-03-01')]];
  it.each([
    ['2025-02', [red(-139)]], // 100 valid on 2025-02-01
    ['2025-03', [red(-189)]], // 50 valid from 2025-03-01; the 500 from 03-02 is not valid on the 1st
    ['2025-04', []], // 500 ≥ 239
  ])('Giltig från history: %s → %j', async (month, reduction) => {
    const r = await bill({ rows: [alarm()], ability: history }, month);
    expect(kinds(r.lines)).toEqual([fee(239), ...reduction]);
  });

  it('Giltig från as ISO text works like a date cell', async () => {
    const r = await bill({ rows: [alarm()], ability: [ABILITY_H, [P, 100, '2024-01-01'], [P, 50, '2025-03-01']] }, M);
    expect(kinds(r.lines)).toEqual([fee(239), red(-189)]);
  });

  it('a row valid only from the 15th does not apply to the month: no avgiftsutrymme, no reduction', async () => {
    const r = await bill({ rows: [alarm()], ability: [ABILITY_H, [P, 0, d('2025-03-15')]] }, M);
    expect(kinds(r.lines)).toEqual([fee(239)]);
  });

  it('avgiftsutrymme above maxtaxa: min(2 642, 5 000) − 2 500 = 142 → −97', async () => {
    const r = await bill({ rows: [alarm()], ability: [ABILITY_H, [P, 5000, null]], other: [OTHER_H, [P, '2025-03', 2500]] }, M);
    expect(kinds(r.lines)).toEqual([fee(239), red(-97)]);
  });

  it('both: min(2 642, 100) − 50 = 50; alarm 239 + button 40 → one reduction −229', async () => {
    const r = await bill(
      {
        rows: [alarm(), alarm({ Tjänst: 'Larmknapp sammanboende' })],
        ability: [ABILITY_H, [P, 100, null]],
        other: [OTHER_H, [P, '2025-03', 50]],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239), fee(40), red(-229)]);
    expect(r.totalOf(P)).toBe(50);
  });

  it('öre in the avgiftsutrymme: 150,55 → −88,45', async () => {
    const r = await bill({ rows: [alarm()], ability: [ABILITY_H, [P, 150.55, null]] }, M);
    expect(kinds(r.lines)).toEqual([fee(239), red(-88.45)]);
  });

  it('the room applies after proration: days-30 159 with avgiftsutrymme 100 → −59', async () => {
    const r = await bill({ rows: [alarm({ Installerad: d('2025-03-12') })], ability: [ABILITY_H, [P, 100, null]] }, M, {
      proration: 'days-30',
    });
    expect(kinds(r.lines)).toEqual([fee(159), inst(), red(-59)]);
    expect(r.totalOf(P)).toBe(300);
  });
});

describe('Taxa sheet (spec §2)', () => {
  it('installation fee inside the cap (Installationsavgift inom högkostnadsskydd = Ja) is reduced with the monthly fee', async () => {
    const taxa = [TAXA_HEADERS, [d('2025-01-01'), 239, 40, 0, 0, 300, 'Ja', 'Påbörjad månad', 30]];
    const r = await bill(
      {
        rows: [
          alarm({ Installerad: d('2025-03-12') }),
          alarm({
            Tjänst: 'Digitalt lås',
            Installerad: d('2022-01-01'),
            Avslutad: d('2025-03-03'),
            Återlämning: 'Obrukbar',
            Kostnad: 800,
          }),
        ],
        taxa,
        ability: [ABILITY_H, [P, 100, null]],
      },
      M,
    );
    expect(kinds(r.lines)).toEqual([fee(239), inst(300), ['Ersättning teknik', 800], red(-439)]);
    expect(r.lines.map((l) => l.Högkostnadsskydd)).toEqual(['Ja', 'Ja', 'Nej', 'Ja']);
    expect(r.totalOf(P)).toBe(900);
  });

  const TWO_VERSIONS: unknown[][] = [
    TAXA_HEADERS,
    [d('2025-01-01'), 239, 40, 0, 0, 200, 'Nej', 'Påbörjad månad', 30],
    [d('2025-03-15'), 300, 50, 10, 20, 250, 'Nej', 'Påbörjad månad', 30],
    [],
    PBB_HEADERS,
    [2027, 60000, null],
    [2028, 61000, 2700],
    [2029, 63750, null],
    [2025, 58800, 2600],
  ];

  it('two versions: the monthly fee by the version on the 1st of the month, the installation fee by the installation date', async () => {
    const rows = [
      alarm({ Installerad: d('2025-03-10') }),
      alarm({ Tjänst: 'Digitalt lås', Installerad: d('2025-03-20') }),
      alarm({ Tjänst: 'Digital tillsyn', Installerad: d('2024-06-01') }),
      alarm({ Tjänst: 'Larmknapp', Installerad: d('2024-06-01') }),
    ];
    const mar = await bill({ rows, taxa: TWO_VERSIONS }, M);
    expect(kinds(mar.lines)).toEqual([fee(239), fee(40), inst(200), inst(250)]);
    const apr = await bill({ rows, taxa: TWO_VERSIONS }, '2025-04');
    expect(kinds(apr.lines).sort()).toEqual([fee(300), fee(50), fee(10), fee(20)].sort());
  });

  it('a version dated the 1st of the month is the one in force that month', async () => {
    const taxa = [TAXA_HEADERS, [d('2025-01-01'), 239, 40, 0, 0, 200], [d('2025-03-01'), 250, 40, 0, 0, 200]];
    expect(kinds((await bill({ rows: [alarm()], taxa }, M)).lines)).toEqual([fee(250)]);
    expect(kinds((await bill({ rows: [alarm()], taxa }, '2025-02')).lines)).toEqual([fee(239)]);
  });

  it("a new year's prisbasbelopp with empty Maxtaxa: 1/12 × 0,5392 × 60 000 = 2 696 → room 196 → −104", async () => {
    const r = await bill({ rows: [alarm()], taxa: TWO_VERSIONS, other: [OTHER_H, [P, '2027-02', 2500]] }, '2027-02');
    expect(kinds(r.lines)).toEqual([fee(300), red(-104)]);
  });

  it('maxtaxa rounds half up: 0,5392 × 63 750 / 12 = 2 864,5 → 2 865 → room 165 → 300 − 165 = −135', async () => {
    const r = await bill({ rows: [alarm()], taxa: TWO_VERSIONS, other: [OTHER_H, [P, '2029-05', 2700]] }, '2029-05');
    expect(kinds(r.lines)).toEqual([fee(300), red(-135)]);
  });

  it('an explicit Maxtaxa is used as given (2028: 2 700 → room 200 → −100)', async () => {
    const r = await bill({ rows: [alarm()], taxa: TWO_VERSIONS, other: [OTHER_H, [P, '2028-01', 2500]] }, '2028-01');
    expect(kinds(r.lines)).toEqual([fee(300), red(-100)]);
  });

  it('a Taxa row overrides a built-in year (2025 maxtaxa 2 600 → room 100 → −139)', async () => {
    const r = await bill({ rows: [alarm()], taxa: TWO_VERSIONS, other: [OTHER_H, [P, '2025-02', 2500]] }, '2025-02');
    expect(kinds(r.lines)).toEqual([fee(239), red(-139)]);
  });

  it('a month whose year has no prisbasbelopp is refused, naming the year', async () => {
    const err = await bill({ rows: [alarm()] }, '2027-03').then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toContain('2027');
    expect(err!.message).toMatch(/prisbasbelopp/i);
    const err2 = await bill({ rows: [alarm()], taxa: TWO_VERSIONS }, '2030-01').then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err2!.message).toContain('2030');
  });

  it('an unreadable Taxa amount refuses the run and names the cell', async () => {
    const taxa = [TAXA_HEADERS, [d('2025-01-01'), 'tvåhundra', 40, 0, 0, 200]];
    const err = await bill({ rows: [alarm()], taxa }, M).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toContain('B2');
  });
});
