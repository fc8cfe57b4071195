/** The ground rules API's answer (src/server/features/ground-rules/service.ts). */
import type { SetAction } from '../../../domain/access.ts';
import type { Abilities, SetRole } from '../../api/types.ts';

export interface GroundRules {
  setId: string;
  /** null until the set adopts a version; the defaults are then a proposal. */
  version: number | null;
  rules: string[];
  adoptedAt: string | null;
  adoptedBy: { personId: string; name: string } | null;
  members: {
    personId: string;
    name: string;
    role: SetRole;
    acceptedCurrent: boolean;
    acceptedAt: string | null;
  }[];
  acceptedCount: number;
  needsMyAcceptance: boolean;
  history: { version: number; createdAt: string; rules: string[] }[];
  abilities: Abilities<SetAction>;
}
