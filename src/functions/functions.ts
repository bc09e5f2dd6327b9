// The custom functions (namespace VT). The JSDoc below is the metadata: the build's
// custom-functions-metadata-plugin turns it into dist/functions.json and appends
// CustomFunctions.associate("<id>", <function>) for every @customfunction here, so this file
// must not associate them itself. Every amount comes from src/engine (deviceRow.ts for one register
// row), the rules the invoice run uses; this file only reads arguments and maps failures to Excel errors.
//
// Parameter order note: Excel refuses to load functions whose optional parameter comes before a
// required one (office-js#1749), so in VT.HKS both `avgiftsutrymme` and `månad` are optional
// in the metadata; `månad` is still needed and its absence gives #VALUE!.
import {
  activeDaysInMonth,
  chargedAfterCap,
  installationFeeForRow,
  isBlank,
  lostDeviceChargeOfRow,
  maxtaxaForMonth,
  monthlyFeeForRow,
  parsePersonnummer,
  prisbasbeloppForYear,
  readDeviceRow,
  readActiveSpan,
  serviceFromCell,
} from '../engine/index.js';
import { personnummerProblem } from '../engine/messages.js';
import { emptyCellAsBlank, numberOf, readAmountOrNone, readAmountOrZero, readMonth, readYear, valueOf } from './args.js';
import { asFunctionError, invalidValue } from './errors.js';
import { functionTariff } from './tariffSource.js';

// Injected by webpack's DefinePlugin; absent when the file is imported outside webpack (tests).
declare const __VT_VERSION__: string | undefined;

/**
 * Månadsavgift (R1) för en enhetsrad en viss månad, enligt arbetsbokens taxa och delmånadsregel. Samma belopp som fakturans rad Månadsavgift när personen bara har denna enhet i kategorin.
 * @customfunction FEE
 * @param tjänst Tjänsten, till exempel "Trygghetslarm", "GPS-larm" eller "Digitalt lås".
 * @param månad Faktureringsmånaden som "ÅÅÅÅ-MM" eller ett datum i månaden.
 * @param installerad Dagen då tekniken installerades: ett datum eller "ÅÅÅÅ-MM-DD".
 * @param [avslutad] Sista dagen med tjänsten (datum eller "ÅÅÅÅ-MM-DD"). Lämna tomt om tjänsten pågår.
 * @param [boende] "Ordinärt boende" (standard om tomt) eller "Särskilt boende", som inte ger någon månadsavgift.
 * @returns Månadsavgiften i kronor; 0 om ingen månadsavgift tas ut.
 */
export function fee(
  tjänst: string,
  månad: number | string,
  installerad: number | string,
  avslutad?: number | string | null,
  boende?: string | number | null,
): number {
  try {
    const month = readMonth(månad);
    const row = valueOf(
      readDeviceRow({
        service: emptyCellAsBlank(tjänst),
        installed: emptyCellAsBlank(installerad),
        ended: emptyCellAsBlank(avslutad),
        housing: emptyCellAsBlank(boende),
      }),
    );
    const { tariff, overrides } = functionTariff();
    return numberOf(monthlyFeeForRow(row, month, tariff, overrides).amount);
  } catch (e) {
    throw asFunctionError(e);
  }
}

/**
 * Installationsavgift (R3) för en nyinstallation, enligt den taxa som gäller på installationsdagen. Flera enheter som installeras samma dag hos samma person ger en enda avgift på fakturan.
 * @customfunction INSTALLATIONSAVGIFT
 * @param tjänst Tjänsten, till exempel "Trygghetslarm". Larmknapp sammanboende ger ingen installationsavgift.
 * @param installationsdatum Installationsdagen: ett datum eller "ÅÅÅÅ-MM-DD". Avgiften faktureras den månaden.
 * @param [installationstyp] "Ny" (standard om tomt) eller "Byte", som inte ger någon avgift.
 * @returns Installationsavgiften i kronor; 0 om ingen avgift tas ut.
 */
export function installationsavgift(
  tjänst: string,
  installationsdatum: number | string,
  installationstyp?: string | number | null,
): number {
  try {
    const row = valueOf(
      readDeviceRow(
        {
          service: emptyCellAsBlank(tjänst),
          installed: emptyCellAsBlank(installationsdatum),
          installType: emptyCellAsBlank(installationstyp),
        },
        { installed: 'Installationsdatum' },
      ),
    );
    return numberOf(installationFeeForRow(row, functionTariff().tariff).amount);
  } catch (e) {
    throw asFunctionError(e);
  }
}

/**
 * Maxtaxan för högkostnadsskyddet en viss månad: 0,5392 × prisbasbeloppet / 12, avrundat till hela kronor, eller den maxtaxa som bladet Taxa anger för året.
 * @customfunction MAXTAXA
 * @param månad Månaden som "ÅÅÅÅ-MM" eller ett datum i månaden.
 * @returns Maxtaxan i kronor per månad.
 */
export function maxtaxa(månad: number | string): number {
  try {
    const month = readMonth(månad);
    return maxtaxaForMonth(functionTariff().prisbasbelopp, month).toNumber();
  } catch (e) {
    throw asFunctionError(e);
  }
}

/**
 * Prisbasbeloppet för ett år, från bladet Taxa eller den inbyggda tabellen.
 * @customfunction PRISBASBELOPP
 * @param år Årtalet, till exempel 2025.
 * @returns Prisbasbeloppet i kronor.
 */
export function prisbasbelopp(år: number | string): number {
  try {
    const year = readYear(år);
    return prisbasbeloppForYear(functionTariff().prisbasbelopp, year).toNumber();
  } catch (e) {
    throw asFunctionError(e);
  }
}

/**
 * Det som återstår att ta ut av avgifterna inom högkostnadsskyddet efter R5: högst utrymmet = maxtaxan (eller ett lägre avgiftsutrymme) minus övriga avgifter, aldrig under 0.
 * @customfunction HKS
 * @param avgifter_inom_skyddet Summan av personens avgifter inom högkostnadsskyddet den månaden (månadsavgifter), i kronor. Tomt räknas som 0.
 * @param övriga_avgifter Avgifter inom skyddet som faktureras på annat håll samma månad (till exempel hemtjänst), i kronor. 0 eller tomt om inga.
 * @param [avgiftsutrymme] Avgiftsutrymme i kr/mån; 0 = inget får tas ut. Skriv "" om inget är beslutat (en tom cell räknas som 0).
 * @param [månad] Månaden som "ÅÅÅÅ-MM" eller ett datum i månaden. Krävs: maxtaxan beror på året.
 * @returns Beloppet i kronor som tas ut av avgifterna inom skyddet.
 */
export function hks(
  avgifter_inom_skyddet: number | string,
  övriga_avgifter: number | string,
  avgiftsutrymme?: number | string | null,
  månad?: number | string | null,
): number {
  // `number | string` makes the metadata type any: text and booleans reach readAmount and get a
  // Swedish message, instead of Excel's own coercion (SANT → 1) or a bare #VALUE!.
  try {
    const capped = readAmountOrZero(avgifter_inom_skyddet, 'Avgifter inom skyddet');
    const other = readAmountOrZero(övriga_avgifter, 'Övriga avgifter');
    const ability = readAmountOrNone(avgiftsutrymme, 'Avgiftsutrymme');
    if (isBlank(emptyCellAsBlank(månad))) {
      throw invalidValue(
        'Månad saknas. VT.HKS behöver månaden som fjärde argument eftersom maxtaxan beror på året, till exempel =VT.HKS(239;2500;"";"2025-03").',
      );
    }
    const month = readMonth(månad);
    const maxtaxa = maxtaxaForMonth(functionTariff().prisbasbelopp, month);
    return chargedAfterCap(capped, maxtaxa, other, ability).toNumber();
  } catch (e) {
    throw asFunctionError(e);
  }
}

/**
 * Personnumret eller samordningsnumret i normaliserad form ÅÅÅÅMMDD-NNNN, med kontroll av datum och kontrollsiffra.
 * @customfunction PERSONNUMMER
 * @param text Numret med 10 eller 12 siffror, med eller utan - eller +.
 * @param [år] Året som avgör århundradet för 10 siffror: personen är högst 99 år det året, + betyder 100 år tidigare. Standard: i år.
 * @returns Numret med 12 siffror, till exempel 19400101-1230.
 */
export function personnummer(text: number | string, år?: number | null): string {
  try {
    const year = isBlank(emptyCellAsBlank(år)) ? new Date().getFullYear() : readYear(år);
    const result = parsePersonnummer(emptyCellAsBlank(text), year);
    if (!result.ok) throw invalidValue(personnummerProblem(result.reason));
    return result.value;
  } catch (e) {
    throw asFunctionError(e);
  }
}

/**
 * Ersättning teknik (R4) för en enhetsrad en viss månad: Kostnad den månad ersättningen tas ut (Obrukbar/Borttappad: månaden för Avslutad; Ej återlämnad: Påminnelse + påminnelsedagar), annars 0. Utanför högkostnadsskyddet.
 * @customfunction ERSATTNING ERSÄTTNING
 * @param återlämning "Obrukbar", "Borttappad", "Ej återlämnad", "Återlämnad" eller tomt, som i registrets kolumn Återlämning.
 * @param månad Faktureringsmånaden som "ÅÅÅÅ-MM" eller ett datum i månaden.
 * @param [avslutad] Dagen då tekniken bedömdes obrukbar eller anmäldes borttappad (datum eller "ÅÅÅÅ-MM-DD").
 * @param [påminnelse] Dagen då påminnelsen om återlämning skickades. Utan påminnelse ger "Ej återlämnad" ingen ersättning.
 * @param [kostnad] Den faktiska kostnaden i kronor enligt leverantörsavtalet. Krävs den månad ersättningen tas ut; 0 räknas som tomt.
 * @returns Ersättningen i kronor; 0 om ingen tas ut den månaden.
 */
export function ersattning(
  återlämning: string | number | null,
  månad: number | string,
  avslutad?: number | string | null,
  påminnelse?: number | string | null,
  kostnad?: number | string | null,
): number {
  try {
    const month = readMonth(månad);
    const cells = {
      returnStatus: emptyCellAsBlank(återlämning),
      ended: emptyCellAsBlank(avslutad),
      reminder: emptyCellAsBlank(påminnelse),
      cost: emptyCellAsBlank(kostnad), // 0 kr is no charge to check, and may be an empty cell
    };
    const { tariff, overrides } = functionTariff();
    return numberOf(valueOf(lostDeviceChargeOfRow(cells, month, tariff, overrides)));
  } catch (e) {
    throw asFunctionError(e);
  }
}

/**
 * Antal dagar i månaden då enhetsraden är aktiv (från Installerad till och med Avslutad), det Antal som fakturan visar vid delmånadsregel per dag.
 * @customfunction AKTIVADAGAR
 * @param månad Månaden som "ÅÅÅÅ-MM" eller ett datum i månaden.
 * @param installerad Dagen då tekniken installerades: ett datum eller "ÅÅÅÅ-MM-DD".
 * @param [avslutad] Sista dagen med tjänsten. Lämna tomt om tjänsten pågår.
 * @returns Antal aktiva dagar, 0 till 31.
 */
export function aktivadagar(månad: number | string, installerad: number | string, avslutad?: number | string | null): number {
  try {
    const month = readMonth(månad);
    const span = valueOf(readActiveSpan(emptyCellAsBlank(installerad), emptyCellAsBlank(avslutad)));
    return activeDaysInMonth([span], month);
  } catch (e) {
    throw asFunctionError(e);
  }
}

/**
 * Tjänstens namn som fakturan skriver det, för alla stavningar som registret godtar (till exempel "GPS-larm" ger "Mobilt trygghetslarm").
 * @customfunction TJANST TJÄNST
 * @param text Tjänsten som den står i registret.
 * @returns Det kanoniska namnet, till exempel "Trygghetslarm".
 */
export function tjanst(text: string): string {
  try {
    return valueOf(serviceFromCell(emptyCellAsBlank(text))).name;
  } catch (e) {
    throw asFunctionError(e);
  }
}

/**
 * Visar vilken version av tillägget VT-avgifter som är installerad.
 * @customfunction VERSION
 * @returns Versionsnumret, till exempel 0.1.0.
 */
export function version(): string {
  return typeof __VT_VERSION__ === 'string' ? __VT_VERSION__ : 'utveckling';
}
