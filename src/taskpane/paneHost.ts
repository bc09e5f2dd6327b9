// What the pane needs from the page it runs in, beside the workbook: the clock (the export's
// date) and the clipboard. Injected, so the flows run in Node tests.

export interface PaneHost {
  now(): Date;
  /** Puts text on the clipboard; rejects when the host allows neither way of doing so. */
  copyText(text: string): Promise<void>;
}

/**
 * The async Clipboard API where the host allows it; else (an iframe without the clipboard-write
 * permission, an older webview) execCommand('copy') over a hidden textarea, the text set in the copy event.
 */
export async function copyText(text: string, doc: Document = document): Promise<void> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return;
    } catch {
      // Refused (no permission or no focus): the old way below may still work.
    }
  }
  const focused = doc.activeElement instanceof HTMLElement ? doc.activeElement : undefined;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  Object.assign(area.style, { position: 'fixed', top: '0', left: '0', width: '1px', height: '1px', opacity: '0' });
  doc.body.appendChild(area);
  // A textarea turns CRLF into LF; the copy event puts the text on the clipboard byte for byte.
  const exact = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  };
  doc.addEventListener('copy', exact);
  let copied: boolean;
  try {
    area.select();
    area.setSelectionRange(0, text.length);
    copied = doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', exact);
    area.remove();
    focused?.focus();
  }
  if (!copied) throw new Error('Urklipp är inte tillgängligt här.');
}

export const browserHost: PaneHost = { now: () => new Date(), copyText: (text) => copyText(text) };
