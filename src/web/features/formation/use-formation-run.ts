import { useCallback, useState } from 'react';
import { api, isProblem } from '../../api/client.ts';
import type { FormationRun } from './types.ts';

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

/** One formation run and the coordinator's changes to it; every change answers the run rescored. */
export function useFormationRun(initial: FormationRun) {
  const [run, setRun] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = useCallback(
    async (call: () => Promise<FormationRun>, optimistic?: FormationRun) => {
      setError(null);
      setPending(true);
      const before = run;
      if (optimistic) setRun(optimistic);
      try {
        const next = await call();
        setRun(next);
        return { before, after: next };
      } catch (e) {
        setRun(before);
        setError(isProblem(e) ? e.detail : String(e));
        return null;
      } finally {
        setPending(false);
      }
    },
    [run],
  );

  const move = (personId: string, toSet: Destination) =>
    change(
      () => api.post<FormationRun>(`/api/formation-runs/${run.id}/moves`, { personId, toSet }),
      movedLocally(run, personId, toSet),
    );
  const lock = (index: number, locked: boolean) =>
    change(() => api.patch<FormationRun>(`/api/formation-runs/${run.id}/sets/${index}`, { locked }));
  const rerun = () => change(() => api.post<FormationRun>(`/api/formation-runs/${run.id}/rerun`, {}));

  return { run, setRun, pending, error, move, lock, rerun };
}
