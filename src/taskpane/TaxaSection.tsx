// Lets the user get an editable copy of the built-in tariff as a Taxa sheet.
import { Button, Caption1 } from '@fluentui/react-components';

export function TaxaSection({ hasTaxaSheet, busy, onCreate }: { hasTaxaSheet: boolean; busy: boolean; onCreate: () => void }) {
  const id = 'vt-taxa-state';
  return (
    <>
      <Caption1 id={id}>
        {hasTaxaSheet
          ? 'Arbetsboken har ett Taxa-blad, och faktureringen använder det. Ändra belopp och inställningar där.'
          : 'Arbetsboken har inget Taxa-blad, så den inbyggda standardtaxan används. Skapa bladet för att ändra taxan.'}
      </Caption1>
      <div>
        <Button disabled={hasTaxaSheet} disabledFocusable={busy && !hasTaxaSheet} aria-describedby={id} onClick={onCreate}>
          Skapa Taxa-blad
        </Button>
      </div>
    </>
  );
}
