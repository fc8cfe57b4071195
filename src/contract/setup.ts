/** First run: an empty installation creates its host and first admin, once. */
import { z } from 'zod';
import { email, language, name, out, password, timeZone } from './fields.ts';
import { me } from './me.ts';
import { route } from './route.ts';

export const setupStatus = route({
  method: 'GET',
  path: '/api/setup',
  tags: ['setup'],
  summary: 'Whether this installation still needs its first-run setup, and who the caller is if signed in',
  public: true,
  response: z.object({
    needed: z.boolean(),
    /** Lets a signed-out visitor's page skip asking who they are (an answer of 401 the console would log). */
    signedIn: z.boolean(),
    /** The host's language for visitors who have chosen none and whose browser asks for none Revans speaks. */
    defaultLanguage: language.nullable(),
    /**
     * The signed-in person, as GET /api/me answers (null for a visitor, and while setup is needed): a page
     * learns who is there in its one first round trip, signed in or not.
     */
    me: me.nullable(),
  }),
});

export const runSetup = route({
  method: 'POST',
  path: '/api/setup',
  tags: ['setup'],
  summary: 'First run: create the host and its first admin, then sign the admin in',
  public: true,
  body: z.strictObject({
    hostName: name,
    adminName: name,
    email,
    password,
    timeZone,
    language: language.default('en'),
  }),
  status: 201,
  response: z.object({ hostId: out.id, personId: out.id }),
});
/** A host's first admin (or, from the command line, one more admin), as the setup body gives them. */
export type HostWithAdmin = z.output<typeof runSetup.body>;
