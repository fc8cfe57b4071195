/** Response shapes of the formation API (src/server/features/formation/service.ts). */
import type {
  FormationInput,
  FormationResult,
  Issue,
  SetReport,
  Severity,
} from '../../../domain/grouping/index.ts';

export type { Issue, SetReport, Severity };

export interface RunPerson {
  id: string;
  name: string;
  organisation: string;
  role: string;
  facilitator: boolean;
}

export interface FormationRun extends FormationResult {
  id: string;
  programmeId: string;
  status: 'proposed' | 'published' | 'discarded';
  seed: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  people: RunPerson[];
  notices: string[];
  /** What the engine was given: lets the browser rescore a hand move at once. */
  input: FormationInput;
}

export interface RunSummary {
  id: string;
  status: FormationRun['status'];
  seed: number;
  createdAt: string;
  sets: number;
  score: number;
}
