import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormationRun } from '../../../contract/formation.ts';
import * as formation from '../../../contract/formation.ts';
import { scoreAssignment } from '../../../domain/grouping/formation/score-assignment.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';

/** Where a person goes: a set's index, the number of sets for a new set, or null for "not placed". */
export type Destination = number | null;

/** The proposal with `personId` moved to `toSet`, shown at once while the server rescores it. */
export function movedLocally(run: FormationRun, personId: string, toSet: Destination): FormationRun {
  const person = run.people.find((p) => p.id === personId);
  const sets = run.sets.map((s) => ({
    ...s,
    members: s.members.filter((id) => id !== personId),
    facilitators: s.facilitators.filter((id) => id !== personId),
  }));
  const unassigned = run.unassigned.filter((id) => id !== personId);
  if (toSet === null) unassigned.push(personId);
  else {
    if (toSet === sets.length)
      sets.push({
        members: [],
        facilitators: [],
        locked: false,
        score: 0,
        breakdown: { themes: 0, role: 0, timeZone: 0, language: 0, availability: 0 },
        met: [],
        missed: [],
        explanation: '',
        issues: [],
      });
    const target = sets[toSet]!;
    if (person?.facilitator) target.facilitators.push(personId);
    else target.members.push(personId);
  }
  return { ...run, sets, unassigned };
}

/**
 * The proposal after a move, placed and rescored in the browser with the engine's own scoreAssignment,
 * so scores and warnings change the moment someone is dropped; the server's answer then confirms it.
 */
export function rescoredLocally(run: FormationRun, personId: string, toSet: Destination): FormationRun {
  const moved = movedLocally(run, personId, toSet);
  try {
    const assignment = {
      sets: moved.sets.map((s) => ({ members: s.members, facilitators: s.facilitators, locked: s.locked })),
    };
    return { ...moved, ...scoreAssignment(run.input, assignment) };
  } catch {
    return moved; // an input the engine refuses: the server's answer will say why
  }
}

/** One formation run and the coordinator's changes to it; every change answers the run rescored. */
export function useFormationRun(initial: FormationRun) {
  const { t } = useTranslation();
  const [run, setRun] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = useCallback(
    async (send: () => Promise<FormationRun>, optimistic?: FormationRun) => {
      setError(null);
      setPending(true);
      const before = run;
      if (optimistic) setRun(optimistic);
      try {
        const next = await send();
        setRun(next);
        return { before, after: next };
      } catch (e) {
        setRun(before);
        setError(problemText(t, e));
        return null;
      } finally {
        setPending(false);
      }
    },
    [run, t],
  );

  const move = (personId: string, toSet: Destination) =>
    change(
      () => call(formation.movePerson, { params: { id: run.id }, body: { personId, toSet } }),
      rescoredLocally(run, personId, toSet),
    );
  const lock = (index: number, locked: boolean) =>
    change(() => call(formation.lockSet, { params: { id: run.id, index }, body: { locked } }));
  const rerun = () => change(() => call(formation.rerun, { params: { id: run.id }, body: {} }));

  return { run, setRun, pending, error, move, lock, rerun };
}
