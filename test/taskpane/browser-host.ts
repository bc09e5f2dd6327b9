// Stands in for office.js in the browser test: the strict Excel fake over the seeded workbook,
// installed as the page's Office/Excel globals. The test reads the fake through window.__vtFake.
import { createFakeExcel, installFakeOffice } from '../fakes/excel-fake.js';
import { seedSheets } from './seed.js';

// A stale "Problem 2025-03" makes Skapa faktura ask before replacing.
const fake = createFakeExcel(seedSheets({ 'Problem 2025-03': [['Gammalt blad']] }));
installFakeOffice(fake, window);
(window as unknown as { __vtFake: typeof fake }).__vtFake = fake;
