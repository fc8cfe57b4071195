// Component and unit tests render in English with its whole catalogue, fetched once as the app does.
import { loadLanguage, loadRestOfCatalogue } from './i18n.ts';

await loadRestOfCatalogue();
await loadLanguage('en');
