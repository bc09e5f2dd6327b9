// The task pane. Everything that touches the workbook goes through the injected `workbook` port.
import { Caption1, makeStaticStyles, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { problemSheetName } from '../engine/index.js';
import type { WorkbookPort } from '../workbook/index.js';
import { ActionBar } from './ActionBar.js';
import { BillingSettings } from './BillingSettings.js';
import { ColumnMapping } from './ColumnMapping.js';
import { ExportSection } from './ExportSection.js';
import { MonthPicker } from './MonthPicker.js';
import { NoticeBar } from './NoticeBar.js';
import { EXPORT_ACTIONS } from './paneState.js';
import { problemCountText } from './problemText.js';
import { mappingRows } from './registerColumns.js';
import { ProblemList } from './ProblemList.js';
import { RegisterPicker } from './RegisterPicker.js';
import { ReplaceDialog } from './ReplaceDialog.js';
import { ResultSummary } from './ResultSummary.js';
import { ReviewList } from './ReviewList.js';
import { RunProgress } from './RunProgress.js';
import { Section } from './Section.js';
import { TaxaSection } from './TaxaSection.js';
import { usePaneController } from './usePaneController.js';

const useGlobalStyles = makeStaticStyles({ body: { margin: '0' } });

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: '720px',
    boxSizing: 'border-box',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', flexDirection: 'column', paddingBottom: tokens.spacingVerticalS },
  sub: { color: tokens.colorNeutralForeground2 },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface AppProps {
  workbook: WorkbookPort;
  /** Sets the default month (last month); injected by tests. */
  today?: Date;
}

export function App({ workbook, today }: AppProps) {
  useGlobalStyles();
  const styles = useStyles();
  const [ctl, state] = usePaneController(workbook, today);
  const now = today ?? new Date();
  const headers = ctl.headers();
  const rows = mappingRows(headers, state.manualMapping);
  const busy = state.busy !== undefined;
  const exporting = state.busy !== undefined && EXPORT_ACTIONS.has(state.busy);
  const exportNotice = state.notice?.area === 'export' ? state.notice : undefined;
  const runNotice = state.notice && !exportNotice ? state.notice : undefined;

  return (
    <main className={styles.pane} aria-busy={busy}>
      <header className={styles.header}>
        <Title3 as="h1">VT-avgifter</Title3>
        <Caption1 className={styles.sub}>Månadsavgifter för välfärdsteknik</Caption1>
      </header>

      <Section title="Register" labelId="vt-h-register">
        <RegisterPicker
          overview={state.overview}
          value={state.registerSheet}
          disabled={busy}
          onChange={(s) => ctl.setRegisterSheet(s)}
          onRefresh={() => void ctl.refresh()}
        />
        {state.registerSheet && (
          <ColumnMapping key={state.registerSheet} headers={headers} rows={rows} onChange={(f, i) => ctl.setColumn(f, i)} />
        )}
      </Section>

      <Section title="Månad och inställningar" labelId="vt-h-month">
        <MonthPicker month={state.month} today={now} onChange={(m) => ctl.setMonth(m)} />
        <BillingSettings
          inputs={state.settingInputs}
          problems={ctl.settingProblems()}
          onChange={(key, text) => ctl.setSetting(key, text)}
        />
      </Section>

      <Section title="Fakturering" labelId="vt-h-run">
        <div className={styles.stack}>
          <ActionBar
            busy={state.busy}
            blocker={state.busy ? undefined : ctl.blocker()}
            onPreview={() => void ctl.preview()}
            onCreate={() => void ctl.createInvoice()}
            onReview={() => void ctl.review()}
          />
          {state.busy && !exporting && state.progress && (
            <RunProgress fraction={state.progress.fraction} text={state.progress.text} />
          )}
          {runNotice && <NoticeBar notice={runNotice} onDismiss={() => ctl.dismissNotice()} />}
          {state.run && <ResultSummary run={state.run} />}
        </div>
      </Section>

      {state.review && (
        <Section title={`Granskning av ${state.review.sheet}`} labelId="vt-h-review">
          <ReviewList review={state.review} onSelect={(d) => void ctl.selectDifference(d)} />
        </Section>
      )}

      {state.run && (
        <Section
          title={`Problem (${problemCountText(state.run.summary.errors, state.run.summary.warnings)})`}
          labelId="vt-h-problems"
        >
          <ProblemList
            problems={state.run.problems}
            registerSheet={state.run.registerSheet}
            more={(shown, total) =>
              `Visar ${shown} av ${total}. Alla står i bladet ${problemSheetName(state.run!.month)} när fakturan är skapad.`
            }
            onSelect={(p) => void ctl.selectProblem(p)}
          />
        </Section>
      )}

      <Section title="Exportera fakturaunderlag" labelId="vt-h-export">
        <ExportSection
          months={ctl.exportMonths()}
          month={ctl.exportMonth()}
          hasExportSheet={state.overview?.hasExportSheet ?? false}
          busy={busy || !state.overview}
          progress={exporting ? state.progress : undefined}
          notice={exportNotice}
          view={state.exportView}
          onMonth={(m) => ctl.setExportMonth(m)}
          onCheck={() => void ctl.checkExport()}
          onMake={() => void ctl.makeExport()}
          onCopy={() => void ctl.copyExport()}
          onDownload={() => ctl.exportDownloadStarted()}
          onSelectRefusal={(p) => void ctl.selectRefusal(p)}
          onCreateSheet={() => void ctl.createExportSheet()}
          onDismissNotice={() => ctl.dismissNotice()}
        />
      </Section>

      <Section title="Taxa" labelId="vt-h-taxa">
        <TaxaSection
          hasTaxaSheet={state.overview?.hasTaxaSheet ?? false}
          busy={busy || !state.overview}
          onCreate={() => void ctl.createTaxaSheet()}
        />
      </Section>

      {state.confirm && (
        <ReplaceDialog
          existing={state.confirm.existing}
          month={state.confirm.month}
          purpose={state.confirm.purpose}
          onReplace={() => void ctl.confirmReplace()}
          onCancel={() => ctl.cancelReplace()}
        />
      )}
    </main>
  );
}
