// The export's key figures, shown before the file is made (§10: they must match the sheet).
import { Body1Strong } from '@fluentui/react-components';
import { FigureBox, FigureList, useFigureStyles, type Figure } from './FigureList.js';
import type { ExportSummaryView } from './exportSummary.js';
import { monthLabel } from './months.js';
import type { ExportView } from './paneState.js';

export function ExportFigures({ view, summary: s }: { view: ExportView; summary: ExportSummaryView }) {
  const styles = useFigureStyles();
  const rows: Figure[] = [
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
    <FigureBox testId="export-summary">
      <Body1Strong>
        {view.kind === 'checked'
          ? `Kontroll av ${view.sheet}: ingen fil är skapad`
          : `Fakturaunderlag för ${monthLabel(view.month)} är skapat`}
      </Body1Strong>
      <FigureList figures={rows} />
    </FigureBox>
  );
}
