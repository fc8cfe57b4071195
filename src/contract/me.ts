/** You: the signed-in person, their host and roles; the web app's session and dashboard read it. */
import { z } from 'zod';
import { hostActions, programmeStatuses, setModes, setRoles } from './enums.ts';
import { abilities, out } from './fields.ts';
import { hostSettings } from './hosts.ts';
import { person } from './people.ts';
import { route } from './route.ts';

export const me = z.object({
  person,
  host: hostSettings,
  hostAdmin: z.boolean(),
  /** What you may do at the host (list people, create programmes, read the outbox…). */
  abilities: abilities(hostActions),
  /** The sets you belong to, by name. */
  sets: z.array(
    z.object({
      id: out.id,
      name: out.text,
      mode: z.enum(setModes),
      role: z.enum(setRoles),
      archived: z.boolean(),
      programme: z.object({ id: out.id, name: out.text }),
    }),
  ),
  /** The programmes you coordinate, by name. */
  coordinates: z.array(z.object({ id: out.id, name: out.text, status: z.enum(programmeStatuses) })),
});
export type Me = z.infer<typeof me>;

export const getMe = route({
  method: 'GET',
  path: '/api/me',
  tags: ['me'],
  summary: 'You: your person record, host, roles, programmes and sets (the dashboard)',
  response: me,
});
