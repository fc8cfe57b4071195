/**
 * Issues of common concern (issue 9): a set proposes a concern for sharing, the set consents (nobody
 * objects within its period, or everyone present in the live room approves), and the programme then
 * sees it, without the proposer's name; the coordinator groups shared concerns into themes and the
 * participants prioritise the themes with anonymous votes.
 */
import { z } from 'zod';
import { actionsByResource } from '../domain/access.ts';
import { objectionPeriodDays, statementLength, themeTagLength } from '../domain/concerns/consent.ts';
import { similarityThresholdBounds } from '../domain/concerns/suggest.ts';
import { votesPerPerson, votingStatuses } from '../domain/concerns/votes.ts';
import { abilities, id, idParams, name, out, urlNumber } from './fields.ts';
import { route } from './route.ts';

export { objectionPeriodDays, statementLength, themeTagLength, votesPerPerson, votingStatuses };

const tags = ['concerns'];
const setParams = z.strictObject({ setId: id });
const programmeParams = z.strictObject({ programmeId: id });
const meetingParams = z.strictObject({ meetingId: id });

export const concernActions = actionsByResource.concern;
/** What the viewer may do in a set about its concerns (the set's page has the rest). */
export const setConcernActions = ['concern.listProposals', 'concern.propose', 'concern.configure'] as const;
export const programmeConcernActions = [
  'concern.readShared',
  'theme.manage',
  'vote.cast',
  'vote.readOwn',
  'vote.readCounts',
] as const;

// Requests

/** Written for sharing: never a member's problem as told in the set. */
export const statement = z.string().trim().min(statementLength.min).max(statementLength.max);
export const themeTag = z.string().trim().max(themeTagLength.max);

export const proposeBody = z.strictObject({
  statement,
  themeTag: themeTag.default(''),
  /** Whether the set's name may travel with the concern. */
  showSetName: z.boolean().default(false),
});

export const editBody = z.strictObject({
  statement: statement.optional(),
  themeTag: themeTag.optional(),
  showSetName: z.boolean().optional(),
});

export const settingsBody = z.strictObject({
  objectionDays: z.number().int().min(objectionPeriodDays.min).max(objectionPeriodDays.max),
});

export const approveBody = z.strictObject({
  /** The live meeting in whose room the viewer approves. */
  meetingId: id,
});

export const themeName = name.max(120);

export const createThemeBody = z.strictObject({
  name: themeName,
  /** Shared concerns to move into the new theme (a split takes some from another theme). */
  concernIds: z.array(id).max(500).default([]),
});

export const updateThemeBody = z.strictObject({
  name: themeName.optional(),
  /** 0-based place among the programme's themes. */
  position: z.number().int().min(0).max(500).optional(),
});

export const mergeThemeBody = z.strictObject({ intoThemeId: id });

export const moveConcernBody = z.strictObject({
  /** null: back to "not in a theme yet". */
  themeId: id.nullable(),
});

export const replaceThemesBody = z.strictObject({
  themes: z.array(z.strictObject({ name: themeName, concernIds: z.array(id).max(500) })).max(100),
});

export const votingBody = z.strictObject({
  status: z.enum(votingStatuses).optional(),
  votesPerPerson: z.number().int().min(votesPerPerson.min).max(votesPerPerson.max).optional(),
});

export const castVotesBody = z.strictObject({
  votes: z
    .array(z.strictObject({ themeId: id, votes: z.number().int().min(0).max(votesPerPerson.max) }))
    .max(100),
});

// Responses

const personRef = z.object({ personId: z.string(), name: z.string() });

/** A proposal as its set sees it: who proposed it, who objects, who approved in the room. */
export const proposal = z.object({
  id: out.id,
  setId: out.id,
  statement: out.text,
  themeTag: out.text,
  showSetName: z.boolean(),
  status: z.enum(['proposed', 'shared', 'withdrawn']),
  /** waiting: in its period, no objection; held: an objection stands; shared; withdrawn. */
  state: z.enum(['waiting', 'held', 'shared', 'withdrawn']),
  /** 1 for the first words, +1 at each change. */
  version: z.number().int(),
  /** When the current words were proposed. */
  proposedAt: out.instant,
  /** The end of the objection period for the current words. */
  consentBy: out.instant,
  sharedAt: out.instant.nullable(),
  sharedHow: z.enum(['period', 'room']).nullable(),
  proposer: personRef,
  mine: z.boolean(),
  objections: z.array(personRef),
  iObject: z.boolean(),
  /** Approvals of the current words given in a live meeting's room. */
  approvals: z.array(personRef),
  iApproved: z.boolean(),
  abilities: abilities(concernActions),
});
export type Proposal = z.infer<typeof proposal>;

export const setConcerns = z.object({
  setId: out.id,
  setName: out.text,
  /** The set's objection period in days. */
  objectionDays: z.number().int(),
  /** Proposals still waiting or held, then those shared, newest first; withdrawn ones are not listed. */
  proposals: z.array(proposal),
  abilities: abilities(setConcernActions),
});
export type SetConcerns = z.infer<typeof setConcerns>;

export const roomConcerns = z.object({
  meetingId: out.id,
  setId: out.id,
  /** Whether the meeting is running: approvals count only while it is. */
  live: z.boolean(),
  present: z.array(personRef),
  /** How many people must be in the room for it to share at once. */
  minimumPresent: z.number().int(),
  setSize: z.number().int(),
  proposals: z.array(
    proposal.extend({
      /** Present and not (yet) approved the current words. */
      waitingFor: z.array(personRef),
      /** Why it cannot be shared at once yet; null when it can, or is already shared. */
      blockedBy: z.enum(['objection', 'too-few-present', 'waiting-for-approvals', 'not-live']).nullable(),
    }),
  ),
  abilities: abilities(setConcernActions),
});
export type RoomConcerns = z.infer<typeof roomConcerns>;

/** A shared concern as the programme sees it: never who proposed it; the set's name only if allowed. */
export const sharedConcern = z.object({
  id: out.id,
  statement: out.text,
  themeTag: out.text,
  setName: out.text.nullable(),
  themeId: out.id.nullable(),
});
export type SharedConcern = z.infer<typeof sharedConcern>;

export const theme = z.object({
  id: out.id,
  name: out.text,
  position: z.number().int(),
  /** Its concerns, in the order the board shows them. */
  concernIds: z.array(out.id),
});
export type Theme = z.infer<typeof theme>;

export const programmeConcerns = z.object({
  programmeId: out.id,
  /** Shared concerns in alphabetical order: neither who proposed them nor when they were shared. */
  concerns: z.array(sharedConcern),
  themes: z.array(theme),
  voting: z.object({
    status: z.enum(votingStatuses),
    votesPerPerson: z.number().int(),
    /** How many people have voted so far (never who). */
    voters: z.number().int(),
  }),
  /** The viewer's own votes; null for someone who does not vote. */
  myVotes: z.array(z.object({ themeId: out.id, votes: z.number().int() })).nullable(),
  /** Counts per theme, once voting has closed and enough people voted. */
  results: z.object({
    shown: z.boolean(),
    reason: z.enum(['not-closed', 'too-few-voters']).nullable(),
    minimumVoters: z.number().int(),
    totals: z.array(z.object({ themeId: out.id, votes: z.number().int() })),
  }),
  abilities: abilities(programmeConcernActions),
});
export type ProgrammeConcerns = z.infer<typeof programmeConcerns>;

export const suggestion = z.object({
  themes: z.array(z.object({ name: out.text, concernIds: z.array(out.id), sharedWords: z.array(out.text) })),
  alone: z.array(out.id),
  threshold: z.number(),
});
export type ThemeSuggestion = z.infer<typeof suggestion>;

// Routes: the set's proposals

export const listSetConcerns = route({
  method: 'GET',
  path: '/api/sets/:setId/concerns',
  tags,
  summary: "The set's proposals to share a concern, with their deadlines and objections (the set only)",
  params: setParams,
  response: setConcerns,
});

export const proposeConcern = route({
  method: 'POST',
  path: '/api/sets/:setId/concerns',
  tags,
  summary: 'Propose a concern for sharing with the programme; the set has its objection period to object',
  params: setParams,
  body: proposeBody,
  status: 201,
  response: proposal,
});

export const updateConcernSettings = route({
  method: 'PUT',
  path: '/api/sets/:setId/concern-settings',
  tags,
  summary: "Change the set's objection period (applies to proposals made or changed from now on)",
  params: setParams,
  body: settingsBody,
  response: setConcerns,
});

export const getConcern = route({
  method: 'GET',
  path: '/api/concerns/:id',
  tags,
  summary: 'One proposal, as its set sees it',
  params: idParams,
  response: proposal,
});

export const editConcern = route({
  method: 'PATCH',
  path: '/api/concerns/:id',
  tags,
  summary: 'Change your proposal before it is shared; its objection period starts again',
  params: idParams,
  body: editBody,
  response: proposal,
});

export const withdrawConcern = route({
  method: 'DELETE',
  path: '/api/concerns/:id',
  tags,
  summary: 'Withdraw your proposal before it is shared',
  params: idParams,
  status: 204,
  response: null,
});

export const objectToConcern = route({
  method: 'PUT',
  path: '/api/concerns/:id/objection',
  tags,
  summary: 'Object to sharing a proposal: it is held until every objection is withdrawn',
  params: idParams,
  response: proposal,
});

export const withdrawObjection = route({
  method: 'DELETE',
  path: '/api/concerns/:id/objection',
  tags,
  summary: 'Withdraw your objection; with none left it is shared when its period is over',
  params: idParams,
  response: proposal,
});

export const approveConcern = route({
  method: 'PUT',
  path: '/api/concerns/:id/approval',
  tags,
  summary: "Approve a proposal in a live meeting's room: shared at once when everyone present approves",
  params: idParams,
  body: approveBody,
  response: proposal,
});

export const listRoomConcerns = route({
  method: 'GET',
  path: '/api/meetings/:meetingId/concerns',
  tags,
  summary: "The set's open proposals as the live room sees them: who is present and who has approved",
  params: meetingParams,
  response: roomConcerns,
});

// Routes: the programme's shared concerns, themes and votes

export const listProgrammeConcerns = route({
  method: 'GET',
  path: '/api/programmes/:programmeId/concerns',
  tags,
  summary: "The programme's shared concerns, its themes, voting and (once closed) the counts",
  params: programmeParams,
  response: programmeConcerns,
});

export const suggestThemes = route({
  method: 'GET',
  path: '/api/programmes/:programmeId/themes/suggestion',
  tags,
  summary: 'A grouping of the shared concerns into themes by what their statements share, with why',
  params: programmeParams,
  query: z.strictObject({
    threshold: urlNumber().min(similarityThresholdBounds.min).max(similarityThresholdBounds.max).optional(),
  }),
  response: suggestion,
});

export const replaceThemes = route({
  method: 'PUT',
  path: '/api/programmes/:programmeId/themes',
  tags,
  summary: 'Set all the themes at once (e.g. accept a suggested grouping); concerns not named have none',
  params: programmeParams,
  body: replaceThemesBody,
  response: programmeConcerns,
});

export const createTheme = route({
  method: 'POST',
  path: '/api/programmes/:programmeId/themes',
  tags,
  summary: 'Add a theme, optionally with concerns moved into it (a split)',
  params: programmeParams,
  body: createThemeBody,
  status: 201,
  response: programmeConcerns,
});

export const updateTheme = route({
  method: 'PATCH',
  path: '/api/themes/:id',
  tags,
  summary: 'Rename a theme or move it in the list',
  params: idParams,
  body: updateThemeBody,
  response: programmeConcerns,
});

export const deleteTheme = route({
  method: 'DELETE',
  path: '/api/themes/:id',
  tags,
  summary: 'Remove a theme; its concerns go back to "not in a theme yet"',
  params: idParams,
  response: programmeConcerns,
});

export const mergeTheme = route({
  method: 'POST',
  path: '/api/themes/:id/merge',
  tags,
  summary: 'Merge a theme into another: its concerns move there and it goes',
  params: idParams,
  body: mergeThemeBody,
  response: programmeConcerns,
});

export const moveConcern = route({
  method: 'PUT',
  path: '/api/concerns/:id/theme',
  tags,
  summary: 'Move a shared concern to a theme, or out of any',
  params: idParams,
  body: moveConcernBody,
  response: programmeConcerns,
});

export const updateVoting = route({
  method: 'PATCH',
  path: '/api/programmes/:programmeId/voting',
  tags,
  summary: 'Open or close voting on the themes, or start again (clears the votes); set the votes each',
  params: programmeParams,
  body: votingBody,
  response: programmeConcerns,
});

export const castVotes = route({
  method: 'PUT',
  path: '/api/programmes/:programmeId/votes/mine',
  tags,
  summary: 'Give your votes to the themes (replaces the votes you gave before)',
  params: programmeParams,
  body: castVotesBody,
  response: programmeConcerns,
});
