// The export's key figures (§10), shown before the file is made, and the file once it is.
import {
  dayToIso,
  exportFileName,
  exportSheetName,
  FORMAT_LABEL,
  formatKr,
  kronorOfOre,
  type ExportSummary,
  type YearMonth,
} from '../engine/index.js';

export interface ExportSummaryView {
  readonly invoices: number;
  /** Invoices whose sum is negative. */
  readonly creditInvoices: number;
  readonly lines: number;
  /** The file's total, equal to the sheet's Belopp to the öre. */
  readonly total: string;
  /** Persons whose lines sum to 0 kr, left out, and their lines. */
  readonly zeroSumInvoices: number;
  readonly zeroSumLines: number;
  /** "Fast postlängd, ISO-8859-1, CRLF" */
  readonly format: string;
  readonly dueDate: string;
  readonly fileName: string;
  /** The sheet the file's text is written to: "Export ÅÅÅÅ-MM". */
  readonly exportSheet: string;
}

/** The file made: its bytes for the download, its text for the clipboard. */
export interface ExportFile {
  readonly name: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
  /** The records with the file's line ends, as text (the clipboard carries text, not bytes). */
  readonly text: string;
  readonly encoding: string;
  readonly sheet: string;
}

export function exportSummaryView(month: YearMonth, s: ExportSummary): ExportSummaryView {
  return {
    invoices: s.invoices,
    creditInvoices: s.creditInvoices,
    lines: s.lines,
    total: formatKr(kronorOfOre(s.totalOre)),
    zeroSumInvoices: s.zeroSumInvoices,
    zeroSumLines: s.zeroSumLines,
    format: `${FORMAT_LABEL[s.format]}, ${s.encoding}, ${s.lineEnd}`,
    dueDate: dayToIso(s.dueDate),
    fileName: exportFileName(month, s.format),
    exportSheet: exportSheetName(month),
  };
}

/** Same figures: the sheet did not change in a way the file would show between check and make. */
export function sameExport(a: ExportSummary, b: ExportSummary): boolean {
  return (
    a.invoices === b.invoices &&
    a.creditInvoices === b.creditInvoices &&
    a.lines === b.lines &&
    a.totalOre === b.totalOre &&
    a.zeroSumInvoices === b.zeroSumInvoices &&
    a.format === b.format &&
    a.encoding === b.encoding &&
    a.lineEnd === b.lineEnd &&
    a.bytes === b.bytes
  );
}

export function exportFile(month: YearMonth, s: ExportSummary, bytes: Uint8Array, lines: readonly string[]): ExportFile {
  const end = s.lineEnd === 'LF' ? '\n' : '\r\n';
  const charset = s.encoding === 'UTF-8' ? 'utf-8' : s.encoding === 'Windows-1252' ? 'windows-1252' : 'iso-8859-1';
  return {
    name: exportFileName(month, s.format),
    mime: `${s.format === 'csv' ? 'text/csv' : 'text/plain'};charset=${charset}`,
    bytes,
    text: lines.length > 0 ? lines.join(end) + end : '',
    encoding: s.encoding,
    sheet: exportSheetName(month),
  };
}
