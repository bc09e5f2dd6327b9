// Key figures of the last run: what a preview shows before anything is written, the corrections
// of the months already billed (§9) included.
import { Body1Strong, Caption1Strong, makeStyles, tokens } from '@fluentui/react-components';
import { FigureBox, FigureList, useFigureStyles, type Figure } from './FigureList.js';
import { monthsText, type CorrectionsSummary } from './correctionsSummary.js';
import { monthLabel } from './months.js';
import type { RunView } from './paneState.js';

const useStyles = makeStyles({
  subhead: { margin: '0', paddingTop: tokens.spacingVerticalXS },
});

function correctionRows(c: CorrectionsSummary, emphasis: string): Figure[] {
  if (c.correctionMonths === 0) return [['Rättelser', 'Avstängda (Rättelsemånader är 0)']];
  const rows: Figure[] = [
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

export function ResultSummary({ run }: { run: RunView }) {
  const styles = useStyles();
  const figures = useFigureStyles();
  const s = run.summary;
  const month = monthLabel(run.month);
  const rows: Figure[] = [
    ['Personer', String(s.persons)],
    ['Fakturarader', String(s.lines)],
    ['Totalt', s.total, figures.total],
    ['Fel', `${s.errors}${s.errors > 0 ? ' (raderna är inte fakturerade)' : ''}`, s.errors > 0 ? figures.error : undefined],
    ['Varningar', String(s.warnings)],
    ['Taxa', s.tariff],
    ['Maxtaxa', `${s.maxtaxa} per månad`],
    ['Delmånad', s.proration],
    ['Påminnelsedagar', String(s.reminderDays)],
    ['Registerrader', String(s.registerRows)],
  ];
  return (
    <FigureBox testId="result-summary">
      <Body1Strong>
        {run.kind === 'preview' ? `Förhandsgranskning ${month}: inget är skrivet` : `Faktura ${month} är skapad`}
      </Body1Strong>
      <FigureList figures={rows} label={`Månaden ${month}`} />
      <Caption1Strong as="h3" className={styles.subhead}>
        Rättelser av fakturerade månader (R7)
      </Caption1Strong>
      <FigureList figures={correctionRows(run.corrections, figures.warning)} label="Rättelser" />
    </FigureBox>
  );
}
