// Asks before existing output sheets are replaced (spec §7: never silently): the month's invoice
// sheets, or its export sheet (§10).
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { YearMonth } from '../engine/index.js';
import { monthLabel } from './months.js';
import { listText } from './paneMessages.js';

export function ReplaceDialog(props: {
  existing: readonly string[];
  month: YearMonth;
  purpose: 'invoice' | 'export';
  onReplace: () => void;
  onCancel: () => void;
}) {
  const one = props.existing.length === 1;
  const replacement = props.purpose === 'export' ? 'ett nytt fakturaunderlag' : 'en ny faktura';
  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) props.onCancel();
      }}
    >
      <DialogSurface aria-describedby="vt-replace-text">
        <DialogBody>
          <DialogTitle>{one ? 'Ersätta bladet?' : 'Ersätta bladen?'}</DialogTitle>
          <DialogContent id="vt-replace-text">
            {`${one ? 'Bladet' : 'Bladen'} ${listText(props.existing)} finns redan. Vill du ersätta ${one ? 'det' : 'dem'} med ${replacement} för ${monthLabel(props.month)}? Ändringar som gjorts för hand i ${one ? 'bladet' : 'bladen'} försvinner. Registret ändras inte.`}
          </DialogContent>
          <DialogActions>
            {/* Fluent focuses the first button: the safe choice, so Enter never replaces sheets by accident. */}
            <Button onClick={props.onCancel}>Avbryt</Button>
            <Button appearance="primary" onClick={props.onReplace}>
              Ersätt
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
