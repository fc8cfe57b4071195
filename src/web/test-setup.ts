// Component and unit tests render in English: its catalogue is fetched once, as the app does at start.
import { loadLanguage } from './i18n.ts';

await loadLanguage('en');
