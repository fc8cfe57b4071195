import type { FastifyPluginAsync } from 'fastify';
import * as contract from '../../../contract/journal.ts';
import type { AppContext } from '../../context.ts';
import { signedIn } from '../../http/authorize.ts';
import { registerRoute } from '../../http/route.ts';
import {
  createJournalEntry,
  deleteJournalEntry,
  getJournalEntry,
  listJournal,
  updateJournalEntry,
} from './service.ts';

export const journalRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerRoute(app, contract.listJournal, ({ request, params }) =>
    listJournal(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.createJournalEntry, ({ request, params, body }) =>
    createJournalEntry(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.getJournalEntry, ({ request, params }) =>
    getJournalEntry(ctx, signedIn(request), params.id),
  );
  registerRoute(app, contract.updateJournalEntry, ({ request, params, body }) =>
    updateJournalEntry(ctx, signedIn(request), params.id, body),
  );
  registerRoute(app, contract.deleteJournalEntry, async ({ request, params }) => {
    await deleteJournalEntry(ctx, signedIn(request), params.id);
    return undefined;
  });
};
