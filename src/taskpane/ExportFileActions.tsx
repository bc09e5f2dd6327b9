// The file once made: a download link where the host lets downloads through (Excel for Mac
// blocks them by design, office-js issue 2700, so it is an extra), and Kopiera for its text.
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ExportFile } from './exportSummary.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  name: { overflowWrap: 'anywhere' },
});

/** An object URL for the file's bytes, revoked when the file changes or the link goes. */
function useFileUrl(file: ExportFile): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mime }));
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [file]);
  return url;
}

export function ExportFileActions(props: { file: ExportFile; onCopy: () => void; onDownload: () => void }) {
  const styles = useStyles();
  const url = useFileUrl(props.file);
  const hintId = 'vt-export-file-hint';
  return (
    <div className={styles.stack}>
      <div className={styles.buttons}>
        {url && (
          <Button
            as="a"
            appearance="primary"
            className={styles.name}
            href={url}
            download={props.file.name}
            aria-describedby={hintId}
            onClick={props.onDownload}
          >
            {`Ladda ner ${props.file.name}`}
          </Button>
        )}
        <Button aria-describedby={hintId} onClick={props.onCopy}>
          Kopiera
        </Button>
      </div>
      <Caption1 id={hintId}>
        {`Filen är i ${props.file.encoding}. Går hämtningen inte i din Excel, kopiera texten eller ta den från bladet ${props.file.sheet}, en post per rad.`}
      </Caption1>
    </div>
  );
}
