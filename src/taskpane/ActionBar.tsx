// The three runs. Buttons stay focusable while disabled so keyboard focus is never lost mid-run.
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { BusyAction } from './paneState.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  reason: { color: tokens.colorNeutralForeground2 },
});

export function ActionBar(props: {
  busy: BusyAction | undefined;
  blocker: string | undefined;
  onPreview: () => void;
  onCreate: () => void;
  onReview: () => void;
}) {
  const styles = useStyles();
  const off = props.busy !== undefined || props.blocker !== undefined;
  const reasonId = 'vt-action-reason';
  const described = props.blocker ? { 'aria-describedby': reasonId } : {};
  return (
    <div className={styles.stack}>
      <div className={styles.buttons}>
        <Button disabledFocusable={off} onClick={props.onPreview} {...described}>
          Förhandsgranska
        </Button>
        <Button appearance="primary" disabledFocusable={off} onClick={props.onCreate} {...described}>
          Skapa faktura
        </Button>
        <Button disabledFocusable={off} onClick={props.onReview} {...described}>
          Granska
        </Button>
      </div>
      {props.blocker && (
        <Caption1 id={reasonId} className={styles.reason}>
          {props.blocker}
        </Caption1>
      )}
      <Caption1 className={styles.reason}>
        Förhandsgranska skriver inget. Granska jämför bladet Faktura med en ny beräkning och ändrar inga värden.
      </Caption1>
    </div>
  );
}
