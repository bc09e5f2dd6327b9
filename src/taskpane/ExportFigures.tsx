// The export's key figures, shown before the file is made (§10: they must match the sheet).
import { Body1Strong, makeStyles, tokens } from '@fluentui/react-components';
import type { ExportSummaryView } from './exportSummary.js';
import { monthLabel } from './months.js';
import type { ExportView } from './paneState.js';

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
    gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: '0',
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: '0', overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
  total: { margin: '0', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
});

export function ExportFigures({ view, summary: s }: { view: ExportView; summary: ExportSummaryView }) {
  const styles = useStyles();
  const rows: [string, string, string?][] = [
    ['Fakturor', String(s.invoices)],
    ['Varav kreditfakturor', String(s.creditInvoices)],
    ['Fakturarader', String(s.lines)],
    ['Totalt', s.total, styles.total],
  ];
  if (s.zeroSumInvoices > 0) {
    rows.push([
      'Utelämnade (0 kr)',
      `${s.zeroSumInvoices === 1 ? '1 person' : `${s.zeroSumInvoices} personer`}, ${s.zeroSumLines === 1 ? '1 rad' : `${s.zeroSumLines} rader`}`,
    ]);
  }
  rows.push(['Format', s.format], ['Förfallodag', s.dueDate], ['Fil', s.fileName]);
  return (
    <div className={styles.box} data-testid="export-summary">
      <Body1Strong>
        {view.kind === 'checked'
          ? `Kontroll av ${view.sheet}: ingen fil är skapad`
          : `Fakturaunderlag för ${monthLabel(view.month)} är skapat`}
      </Body1Strong>
      <dl className={styles.list}>
        {rows.map(([term, value, cls]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.term}>{term}</dt>
            <dd className={cls ?? styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
