// Component and unit tests render in English with its whole catalogue, fetched once as the app does.
import { options } from 'preact';
import { loadLanguage, loadRestOfCatalogue } from './i18n.ts';

// Preact runs effects after the next animation frame; jsdom has no frames and its window is gone when
// a file ends, so a late frame would throw. A timer does the same job here.
options.requestAnimationFrame = (flush) => setTimeout(flush);

await loadRestOfCatalogue();
await loadLanguage('en');
