/** Response shapes of the enrolment API (src/server/features/enrolment/). */
import type { ApplicationStatus, ConsentWording, Decision } from '../../../domain/enrolment.ts';
import type { Abilities, ProgrammeStatus, SizeBounds } from '../../api/types.ts';

export type { ApplicationStatus, ConsentWording, Decision };

export interface ApplicationLink {
  url: string | null;
  /** True while the programme is recruiting and the link exists. */
  works: boolean;
  status: ProgrammeStatus;
}

export interface Application {
  id: string;
  programmeId: string;
  personId: string | null;
  status: ApplicationStatus;
  source: string;
  name: string;
  email: string;
  organisation: string;
  role: string;
  themes: string[];
  languages: string[];
  timeZone: string;
  availability: string[];
  hopes: string;
  mustAvoid: string[];
  asFacilitator: boolean;
  submittedAt: string | null;
  decidedAt: string | null;
  withdrawnAt: string | null;
  consent: { version: string; wording: string; givenAt: string; withdrawnAt: string | null } | null;
  abilities: Abilities<'application.read' | 'application.decide' | 'application.withdraw'>;
}

export interface ApplyInfo {
  programme: {
    name: string;
    hostName: string;
    purpose: string;
    theme: string;
    startsOn: string | null;
    endsOn: string | null;
    meetingCadence: string;
    participation: string;
    setSize: SizeBounds;
  };
  invited: { name: string; email: string } | null;
  consent: ConsentWording;
  availabilitySlots: string[];
}

/** GET /api/your-application/:token: what the private link in the acknowledgement mail shows. */
export interface OwnApplication {
  programme: { name: string; hostName: string };
  name: string;
  status: ApplicationStatus;
  submittedAt: string | null;
  decidedAt: string | null;
  withdrawnAt: string | null;
  canWithdraw: boolean;
}
