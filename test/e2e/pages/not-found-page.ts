import { AppPage } from './app-page.ts';

/** What anyone sees for an address that does not exist or is not shared with them. */
export class NotFoundPage extends AppPage {
  protected readonly path = /.*/;
  protected readonly title = 'Page not found';
}
