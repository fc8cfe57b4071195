/**
 * Fair turns across a programme: who presented when and for how long, and who should present next so
 * that everyone gets their turn. Deterministic: the same history always gives the same suggestion.
 */
import type { MeetingState } from './types.ts';

export interface MeetingPresenters {
  meetingId: string;
  /** YYYY-MM-DD (or a full ISO time): compared as text. */
  heldOn: string;
  presenters: { personId: string; airtimeMs: number }[];
}

export interface MemberTurns {
  personId: string;
  presentations: number;
  airtimeMs: number;
  lastPresentedOn: string | null;
}

export interface FairTurns {
  perMember: MemberTurns[];
  /** Every member, those who should present soonest first. */
  suggestedNext: string[];
  explanation: string;
}

/** Who took the floor in a meeting and for how long: the entry the server keeps for fairTurns. */
export function presentersOf(state: MeetingState): { personId: string; airtimeMs: number }[] {
  return state.turns.map((t) => ({ personId: t.presenterId, airtimeMs: t.airtimeMs }));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function fairTurns(
  history: readonly MeetingPresenters[],
  members: readonly { personId: string; name: string }[],
): FairTurns {
  const perMember = members.map(({ personId }) => {
    let presentations = 0;
    let airtimeMs = 0;
    let lastPresentedOn: string | null = null;
    for (const meeting of history) {
      const turns = meeting.presenters.filter((p) => p.personId === personId);
      if (turns.length === 0) continue;
      presentations += 1;
      airtimeMs += turns.reduce((sum, t) => sum + Math.max(0, t.airtimeMs), 0);
      if (lastPresentedOn === null || meeting.heldOn > lastPresentedOn) lastPresentedOn = meeting.heldOn;
    }
    return { personId, presentations, airtimeMs, lastPresentedOn };
  });

  const nameOf = new Map(members.map((m) => [m.personId, m.name]));
  const ranked = [...perMember].sort(
    (a, b) =>
      a.presentations - b.presentations ||
      byText(a.lastPresentedOn ?? '', b.lastPresentedOn ?? '') ||
      a.airtimeMs - b.airtimeMs ||
      byText(nameOf.get(a.personId) ?? '', nameOf.get(b.personId) ?? '') ||
      byText(a.personId, b.personId),
  );
  return { perMember, suggestedNext: ranked.map((m) => m.personId), explanation: explain(ranked, nameOf) };
}

function explain(ranked: MemberTurns[], nameOf: Map<string, string>): string {
  const first = ranked[0];
  if (!first) return 'There are no members to suggest.';
  const rule =
    'Those who presented least come first, then those who presented longest ago, then those with least airtime.';
  const never = ranked.filter((m) => m.presentations === 0).map((m) => nameOf.get(m.personId) ?? m.personId);
  if (never.length === ranked.length) return `Nobody has presented yet, so anyone may go first. ${rule}`;
  if (never.length > 0) {
    return `${listNames(never)} ${never.length === 1 ? 'has' : 'have'} not presented yet in this programme. ${rule}`;
  }
  const times = first.presentations === 1 ? 'once' : `${first.presentations} times`;
  return `Everyone has presented; ${nameOf.get(first.personId) ?? first.personId} has presented ${times}, last on ${first.lastPresentedOn}. ${rule}`;
}
