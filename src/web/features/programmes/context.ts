import { useOutletContext } from 'react-router';
import type { Programme } from '../../../contract/programmes.ts';
import type { LearningSet } from '../../../contract/sets.ts';

/** What the programme page hands to its tabs. */
export interface ProgrammeContext {
  programme: Programme;
  sets: LearningSet[] | undefined;
  setsError: unknown;
  setProgramme(programme: Programme): void;
  reloadProgramme(): Promise<void>;
  reloadSets(): Promise<void>;
}

export function useProgramme(): ProgrammeContext {
  return useOutletContext<ProgrammeContext>();
}
