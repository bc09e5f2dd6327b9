// Every Swedish sentence the pane's flows show: notices, the reasons the runs are off, progress.
// The components hold their own labels; the flows say nothing in Swedish outside this file.
import { monthKey, RunError, type YearMonth } from '../engine/index.js';
import type { Notice } from './paneState.js';

/** "A, B och C" */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

export function errorText(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return String(e);
}

/** Any failure of an action; RunError carries the engine's Swedish message. */
export function noticeFor(e: unknown, area?: Notice['area']): Notice {
  const place = area ? { area } : {};
  if (e instanceof RunError) return { intent: 'error', title: 'Körningen kan inte göras', text: e.message, ...place };
  return {
    intent: 'error',
    title: 'Något gick fel',
    text: `${errorText(e)} Försök igen; om felet kvarstår, stäng och öppna fönstret.`,
    ...place,
  };
}

export const NOTICE = {
  chooseRegister: {
    intent: 'info',
    title: 'Välj registerbladet',
    text: 'Inget blad heter Enhetsregister eller har rubrikerna Personnummer, Tjänst och Installerad. Välj bladet med enhetsregistret.',
  },
  settingsNotSaved: (e: unknown): Notice => ({
    intent: 'warning',
    title: 'Inställningarna sparades inte',
    text: `De gäller ändå nu, men sparas inte med arbetsboken: ${errorText(e)}`,
  }),
  nothingReplaced: (existing: readonly string[]): Notice => ({
    intent: 'info',
    title: 'Inget ändrades',
    text: `Bladen ${listText(existing)} finns kvar som de var.`,
  }),
  invoiceCreated: (sheets: readonly string[]): Notice => ({
    intent: 'success',
    title: 'Fakturan är skapad',
    text: `Bladen ${listText(sheets)} är skrivna.`,
  }),
  noInvoiceToReview: (sheet: string, month: YearMonth): Notice => ({
    intent: 'warning',
    title: `Bladet ${sheet} finns inte`,
    text: `Det finns ingen faktura för ${monthKey(month)} att granska. Skapa fakturan först, eller välj en annan månad.`,
  }),
  reviewed: (sheet: string, differences: number): Notice =>
    differences === 0
      ? { intent: 'success', title: 'Inga skillnader', text: `Bladet ${sheet} stämmer med en ny beräkning.` }
      : {
          intent: 'warning',
          title: differences === 1 ? '1 cell skiljer sig' : `${differences} celler skiljer sig`,
          text: `Cellerna är markerade i bladet ${sheet}. Inga värden har ändrats.`,
        },
  taxaCreated: {
    intent: 'success',
    title: 'Bladet Taxa är skapat',
    text: 'Det innehåller standardtaxan. Ändra beloppen där; faktureringen använder sedan bladet.',
  },
  exportSheetCreated: {
    intent: 'success',
    title: 'Bladet Export är skapat',
    text: 'Fyll i Konto, Ansvar och de andra konteringsfälten för varje Typ. Där väljs också format, teckenkodning och postlayout.',
    area: 'export',
  },
  noInvoiceToExport: (sheet: string): Notice => ({
    intent: 'warning',
    title: `Bladet ${sheet} finns inte`,
    text: 'Välj ett annat fakturablad, eller klicka på Läs in bladen igen om det har bytt namn.',
    area: 'export',
  }),
  exportRefused: (refusals: number): Notice => ({
    intent: 'warning',
    title: 'Underlaget kan inte skapas',
    text: `${refusals === 1 ? 'Ett hinder måste' : `${refusals} hinder måste`} åtgärdas först: en fil med en felaktig rad är värre än ingen fil. Välj ett hinder för att gå till cellen.`,
    area: 'export',
  }),
  exportChecked: (sheet: string): Notice => ({
    intent: 'success',
    title: 'Underlaget kan skapas',
    text: `Kontrollera siffrorna mot bladet ${sheet} och klicka sedan på Skapa underlaget.`,
    area: 'export',
  }),
  exportChanged: (sheet: string): Notice => ({
    intent: 'warning',
    title: 'Fakturabladet har ändrats',
    text: `Bladet ${sheet} har ändrats sedan kontrollen, så ingen fil är skapad. Kontrollera de nya siffrorna och klicka på Skapa underlaget igen.`,
    area: 'export',
  }),
  exportMade: (fileName: string, sheet: string): Notice => ({
    intent: 'success',
    title: 'Fakturaunderlaget är skapat',
    text: `Texten står i bladet ${sheet}, en post per rad. Hämta filen ${fileName} eller kopiera texten nedan.`,
    area: 'export',
  }),
  exportNotReplaced: (existing: readonly string[]): Notice => ({
    intent: 'info',
    title: 'Inget ändrades',
    text: `Bladet ${listText(existing)} finns kvar som det var, och ingen fil är skapad.`,
    area: 'export',
  }),
  exportDownloading: (fileName: string, sheet: string): Notice => ({
    intent: 'info',
    title: 'Filen hämtas',
    text: `${fileName} sparas där webbläsaren sparar hämtade filer. Kommer ingen fil (Excel för Mac tillåter inte hämtning från tillägg), använd Kopiera eller bladet ${sheet}.`,
    area: 'export',
  }),
  exportCopied: (encoding: string): Notice => ({
    intent: 'success',
    title: 'Texten är kopierad',
    text: `Klistra in den i en textredigerare och spara filen med teckenkodningen ${encoding}.`,
    area: 'export',
  }),
  exportNotCopied: (sheet: string): Notice => ({
    intent: 'warning',
    title: 'Texten kunde inte kopieras',
    text: `Excel tillåter inte tillägget att använda Urklipp här. Markera kolumn A i bladet ${sheet} och kopiera därifrån.`,
    area: 'export',
  }),
} as const satisfies Record<string, Notice | ((...args: never[]) => Notice)>;

/** Why the run buttons are off. */
export const BLOCKER = {
  loading: 'Arbetsboken läses in …',
  chooseRegister: 'Välj registerbladet.',
  chooseColumns: (labels: readonly string[]) => `Välj kolumn för ${labels.join(', ')}.`,
} as const;

/** Refused before billing: hand-picked columns are indexes, and the sheet's columns moved. */
export const columnsMoved = (sheet: string): string =>
  `Kolumnerna i bladet ${sheet} har ändrats sedan kolumnkopplingen valdes. Kontrollera kolumnerna och försök igen.`;

export const PROGRESS_TEXT = {
  readingSheet: (sheet: string) => `Läser bladet ${sheet} …`,
  billing: (month: YearMonth) => `Beräknar avgifterna för ${monthKey(month)} …`,
  writing: 'Skriver bladen …',
  marking: 'Markerar cellerna som skiljer sig …',
  unmarking: 'Tar bort tidigare markeringar …',
  buildingExport: (sheet: string) => `Kontrollerar raderna i ${sheet} …`,
  writingExport: (sheet: string) => `Skriver bladet ${sheet} …`,
} as const;
