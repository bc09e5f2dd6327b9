// Swedish message texts shared by several readers.

export function personnummerProblem(reason: string): string {
  return reason === 'saknas'
    ? 'Personnummer saknas. Ange personnummer eller samordningsnummer (ÅÅÅÅMMDD-NNNN).'
    : `Ogiltigt personnummer: ${reason}. Kontrollera numret mot personakten.`;
}
