// "Exportera fakturaunderlag" (§10): choose a billed month, check it (key figures or every
// refusal), make the file, then download it (where the host allows) or copy its text; the text
// is always in the sheet "Export ÅÅÅÅ-MM" too. "Skapa Export-blad" writes the settings template.
import { Button, Caption1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { invoiceSheetName, monthKey, type Problem, type YearMonth } from '../engine/index.js';
import { ExportFigures } from './ExportFigures.js';
import { ExportFileActions } from './ExportFileActions.js';
import { monthLabel, sameMonth } from './months.js';
import { NoticeBar } from './NoticeBar.js';
import type { ExportView, Notice } from './paneState.js';
import { ProblemList } from './ProblemList.js';
import { refusalPlace } from './problemText.js';
import { RunProgress } from './RunProgress.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  reason: { color: tokens.colorNeutralForeground2 },
});

export interface ExportSectionProps {
  months: readonly YearMonth[];
  month: YearMonth | undefined;
  hasExportSheet: boolean;
  /** Another action runs, or the workbook is not read yet. */
  busy: boolean;
  /** An export action runs: its progress shows here. */
  progress?: { fraction: number; text: string } | undefined;
  notice?: Notice | undefined;
  view?: ExportView | undefined;
  onMonth: (month: YearMonth) => void;
  onCheck: () => void;
  onMake: () => void;
  onCopy: () => void;
  onDownload: () => void;
  onSelectRefusal: (refusal: Problem) => void;
  onCreateSheet: () => void;
  onDismissNotice: () => void;
}

export function ExportSection(props: ExportSectionProps) {
  const styles = useStyles();
  const { month, view } = props;
  const current = view && month && sameMonth(view.month, month) ? view : undefined;
  const checkedOk = current?.summary !== undefined;
  const reasonId = 'vt-export-reason';
  const sheetStateId = 'vt-export-sheet-state';
  const makeReason = !month ? undefined : checkedOk ? undefined : 'Kontrollera underlaget först.';
  return (
    <div className={styles.stack}>
      <Caption1>
        Gör importfilen till ekonomisystemet från ett fakturablad som det ser ut nu, granskat och med ändringar gjorda för hand.
      </Caption1>
      <Caption1 id={sheetStateId}>
        {props.hasExportSheet
          ? 'Kontering, format och postlayout hämtas från bladet Export.'
          : 'Arbetsboken har inget Export-blad. Skapa det och fyll i konteringen för varje Typ innan underlaget kan skapas.'}
      </Caption1>
      <div>
        <Button
          disabled={props.hasExportSheet}
          disabledFocusable={props.busy && !props.hasExportSheet}
          aria-describedby={sheetStateId}
          onClick={props.onCreateSheet}
        >
          Skapa Export-blad
        </Button>
      </div>
      {props.months.length === 0 ? (
        <Caption1>Det finns inga fakturablad (Faktura ÅÅÅÅ-MM) i arbetsboken än. Skapa en faktura först.</Caption1>
      ) : (
        <Field label="Fakturablad" hint="Den fakturerade månad som ska exporteras.">
          <Select
            value={month ? monthKey(month) : ''}
            onChange={(_, d) => {
              const chosen = props.months.find((m) => monthKey(m) === d.value);
              if (chosen) props.onMonth(chosen);
            }}
          >
            {props.months.map((m) => (
              <option key={monthKey(m)} value={monthKey(m)}>{`${monthLabel(m)} (${invoiceSheetName(m)})`}</option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.buttons}>
        <Button disabledFocusable={props.busy || !month} onClick={props.onCheck}>
          Kontrollera underlaget
        </Button>
        <Button
          appearance="primary"
          disabledFocusable={props.busy || !checkedOk}
          onClick={props.onMake}
          {...(makeReason ? { 'aria-describedby': reasonId } : {})}
        >
          Skapa underlaget
        </Button>
      </div>
      {makeReason && (
        <Caption1 id={reasonId} className={styles.reason}>
          {makeReason}
        </Caption1>
      )}
      {props.progress && <RunProgress fraction={props.progress.fraction} text={props.progress.text} />}
      {props.notice && <NoticeBar notice={props.notice} onDismiss={props.onDismissNotice} />}
      {current?.summary && <ExportFigures view={current} summary={current.summary} />}
      {current?.file && <ExportFileActions file={current.file} onCopy={props.onCopy} onDownload={props.onDownload} />}
      {current && current.refusals.length > 0 && (
        <ProblemList
          problems={current.refusals}
          label="Hinder för exporten"
          intro={`${current.refusals.length === 1 ? '1 hinder' : `${current.refusals.length} hinder`}: ingen fil skapas förrän de är åtgärdade. Välj ett hinder för att markera cellen.`}
          place={refusalPlace}
          showValue
          onSelect={props.onSelectRefusal}
        />
      )}
    </div>
  );
}
