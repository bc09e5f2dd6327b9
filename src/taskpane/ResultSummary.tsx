// Key figures of the last run: what a preview shows before anything is written, the corrections
// of the months already billed (§9) included.
import { Body1Strong, Caption1Strong, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { monthsText, type CorrectionsSummary } from './correctionsSummary.js';
import { monthLabel } from './months.js';
import type { RunView } from './paneState.js';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: {
    display: 'grid',
    // Terms wrap at words beyond 45 % of the pane, so a value is never squeezed into a few letters.
    gridTemplateColumns: 'fit-content(45%) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: '0',
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: '0', overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
  total: { margin: '0', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  error: { margin: '0', color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { margin: '0', fontWeight: tokens.fontWeightSemibold },
  subhead: { margin: '0', paddingTop: tokens.spacingVerticalXS },
});

type Row = [term: string, value: string, className?: string];

function correctionRows(c: CorrectionsSummary, emphasis: string): Row[] {
  if (c.correctionMonths === 0) return [['Rättelser', 'Avstängda (Rättelsemånader är 0)']];
  const rows: Row[] = [
    ['Kontrollerade månader', monthsText(c.checked)],
    ['Personer med rättelser', String(c.persons)],
    ['Krediteras', c.credits],
  ];
  rows.push(['Debiteras', c.debits]);
  rows.push([
    'Debiteringar som hålls inne',
    c.heldBack === 0 ? 'Inga' : `${c.heldBack} (${c.heldBackTotal}, se varningarna)`,
    c.heldBack > 0 ? emphasis : undefined,
  ]);
  rows.push(['Retroaktiv debitering', c.retroDebits]);
  if (c.withoutRecord.length > 0) rows.push(['Utan fakturablad, ej kontrollerade', monthsText(c.withoutRecord)]);
  return rows;
}

function Figures({ rows, label, styles }: { rows: readonly Row[]; label: string; styles: ReturnType<typeof useStyles> }) {
  return (
    <dl className={styles.list} aria-label={label}>
      {rows.map(([term, value, cls]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={mergeClasses(styles.value, cls)}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ResultSummary({ run }: { run: RunView }) {
  const styles = useStyles();
  const s = run.summary;
  const month = monthLabel(run.month);
  const rows: Row[] = [
    ['Personer', String(s.persons)],
    ['Fakturarader', String(s.lines)],
    ['Totalt', s.total, styles.total],
    ['Fel', `${s.errors}${s.errors > 0 ? ' (raderna är inte fakturerade)' : ''}`, s.errors > 0 ? styles.error : undefined],
    ['Varningar', String(s.warnings)],
    ['Taxa', s.tariff],
    ['Maxtaxa', `${s.maxtaxa} per månad`],
    ['Delmånad', s.proration],
    ['Påminnelsedagar', String(s.reminderDays)],
    ['Registerrader', String(s.registerRows)],
  ];
  return (
    <div className={styles.box} data-testid="result-summary">
      <Body1Strong>
        {run.kind === 'preview' ? `Förhandsgranskning ${month}: inget är skrivet` : `Faktura ${month} är skapad`}
      </Body1Strong>
      <Figures rows={rows} label={`Månaden ${month}`} styles={styles} />
      <Caption1Strong as="h3" className={styles.subhead}>
        Rättelser av fakturerade månader (R7)
      </Caption1Strong>
      <Figures rows={correctionRows(run.corrections, styles.warning)} label="Rättelser" styles={styles} />
    </div>
  );
}
