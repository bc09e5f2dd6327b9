// Stands in for office.js in the browser test: the strict Excel fake over the seeded workbook,
// installed as the page's Office/Excel globals. The test reads the fake through window.__vtFake.
import { createFakeExcel, installFakeOffice } from '../fakes/excel-fake.js';
import { februaryRecord, seedSheets } from './seed.js';

// A stale "Problem 2025-03" makes Skapa faktura ask before replacing; "Faktura 2025-02" is the
// record that March's corrections (R7) are checked against.
const fake = createFakeExcel(seedSheets({ 'Faktura 2025-02': februaryRecord(), 'Problem 2025-03': [['Gammalt blad']] }));
installFakeOffice(fake, window);
(window as unknown as { __vtFake: typeof fake }).__vtFake = fake;
