/**
 * Who may do what in the room, and when: one deny-by-default map from command to rule. The server asks
 * it before appending an event; clients ask it to offer only what will be accepted. Every field is
 * checked for its type too, so a raw JSON message cast to MeetingCommand is safe to pass in.
 */
import {
  bidMinutes,
  controls,
  extendMinutes,
  inStage,
  isId,
  isIndex,
  optionalText,
  type Rule,
  textError,
  textLimits,
} from './rule-kit.ts';
import { currentPresenterId, isMember, isParticipant, nameOf, own, problemsOf } from './selectors.ts';
import { turnRules } from './turn-rules.ts';
import {
  actionOutcomes,
  bidUrgencies,
  type CommandOf,
  type MeetingCommand,
  type MeetingCommandType,
  type MeetingState,
  type Verdict,
} from './types.ts';

export { bidMinutes, extendMinutes, textLimits } from './rule-kit.ts';
export { isParticipant } from './selectors.ts';

const rules: { [T in MeetingCommandType]: Rule<CommandOf<T>> } = {
  ...turnRules,
  'presence.join': (s, a) => (s.present.includes(a) ? 'You are already in the meeting.' : null),
  'presence.leave': (s, a) => (s.present.includes(a) ? null : 'You are not in the meeting.'),
  'meeting.start': (s, a) =>
    controls(s, a, 'start the meeting') ??
    (s.setup.agenda.length ? null : 'This meeting has no agenda to run.'),
  'meeting.end': (s, a) => controls(s, a, 'end the meeting'),
  'stage.goto': (s, a, c) => {
    const refused = controls(s, a, 'move between stages');
    if (refused) return refused;
    if (!isIndex(c.index) || c.index >= s.setup.agenda.length) return 'There is no such stage on the agenda.';
    return c.index === s.stageIndex ? 'The meeting is already at this stage.' : null;
  },
  'presenter.order': (s, a, c) => {
    const refused =
      controls(s, a, 'set the order of presenters') ??
      inStage(
        s,
        ['bidding', 'presentations'],
        'The order of presenters is agreed during bidding or the presentations.',
      );
    if (refused) return refused;
    if (!Array.isArray(c.personIds) || !c.personIds.every(isId))
      return 'List the presenters in the order agreed.';
    if (new Set(c.personIds).size !== c.personIds.length) return 'Each presenter can be listed only once.';
    const outsider = c.personIds.find((id) => !isMember(s.setup, id));
    if (outsider !== undefined) {
      return isParticipant(s.setup, outsider)
        ? `${nameOf(s.setup, outsider)} facilitates: only members present.`
        : 'Only members of this set can present.';
    }
    const presenting = currentPresenterId(s);
    if (presenting !== null && !c.personIds.includes(presenting)) {
      return `${nameOf(s.setup, presenting)} has the floor now, so must stay in the order.`;
    }
    return null;
  },
  'presenter.goto': (s, a, c) => {
    const refused =
      controls(s, a, 'move presenters through their turns') ??
      inStage(s, ['presentations'], 'Presenters take the floor during the presentations.');
    if (refused) return refused;
    if (s.presenterOrder.length === 0) return 'Agree the order of presenters first.';
    const target = isIndex(c.index) ? s.presenterOrder[c.index] : undefined;
    if (target === undefined) return 'There is no presenter at that place in the order.';
    if (!s.setup.presenterCycle.some((step) => step.key === c.step))
      return "That is not a step of the presenter's cycle.";
    if (c.index === s.presenterIndex && c.step === s.step) return 'The meeting is already at this step.';
    if (c.index !== s.presenterIndex) {
      const name = nameOf(s.setup, target);
      if (!s.present.includes(target)) return `${name} is not here, so cannot take the floor.`;
      if (s.chairId === target)
        return `${name} is chairing: hand the chair to someone else before ${name} presents.`;
    }
    return null;
  },
  'presenter.end': (s, a) =>
    controls(s, a, "end a presenter's turn") ??
    (currentPresenterId(s) === null ? 'Nobody is presenting right now.' : null),
  'timer.pause': (s, a) =>
    controls(s, a, 'pause the timer') ?? (s.timer.status === 'running' ? null : 'The timer is not running.'),
  'timer.resume': (s, a) =>
    controls(s, a, 'restart the timer') ?? (s.timer.status === 'paused' ? null : 'The timer is not paused.'),
  'timer.extend': (s, a, c) => {
    const refused = controls(s, a, 'extend the timer');
    if (refused) return refused;
    const { min, max } = extendMinutes;
    if (typeof c.minutes !== 'number' || !Number.isInteger(c.minutes) || c.minutes < min || c.minutes > max) {
      return `The timer can be extended by ${min} to ${max} minutes at a time.`;
    }
    return s.timer.status === 'idle' ? 'There is no countdown to extend.' : null;
  },
  'timer.reset': (s, a) =>
    controls(s, a, 'reset the timer') ??
    (s.timer.status === 'idle' ? 'There is no countdown to reset.' : null),
  'chair.handover': (s, a, c) => {
    const refused = controls(s, a, 'hand over the chair');
    if (refused) return refused;
    if (!isId(c.toPersonId) || !isParticipant(s.setup, c.toPersonId))
      return 'Only someone in this set can chair.';
    const name = nameOf(s.setup, c.toPersonId);
    if (s.chairId === c.toPersonId) return `${name} is already chairing.`;
    if (!s.present.includes(c.toPersonId)) return `${name} is not here, so cannot chair.`;
    if (currentPresenterId(s) === c.toPersonId)
      return `${name} is presenting: someone else chairs while they have the floor.`;
    return null;
  },
  'chair.claim': (s, a) => {
    if (s.chairId === a) return 'You are already chairing.';
    if (s.chairId !== null && s.present.includes(s.chairId)) {
      return `${nameOf(s.setup, s.chairId)} is chairing: ask them to hand over the chair.`;
    }
    return currentPresenterId(s) === a
      ? 'You are presenting: someone else chairs while you have the floor.'
      : null;
  },
  'scribe.assign': (s, a, c) => {
    const refused = controls(s, a, 'appoint the scribe');
    if (refused) return refused;
    if (c.personId === null) return s.scribeId === null ? 'There is no scribe to stand down.' : null;
    if (!isId(c.personId) || !isParticipant(s.setup, c.personId))
      return 'Only someone in this set can be the scribe.';
    const name = nameOf(s.setup, c.personId);
    if (s.scribeId === c.personId) return `${name} is already the scribe.`;
    return s.present.includes(c.personId) ? null : `${name} is not here, so cannot be the scribe.`;
  },
  'rules.show': (s, a, c) => {
    const refused = controls(s, a, 'show or hide the ground rules');
    if (refused) return refused;
    if (typeof c.shown !== 'boolean') return 'Say whether to show the ground rules.';
    if (c.shown === s.groundRulesShown)
      return `The ground rules are already ${c.shown ? 'shown' : 'hidden'}.`;
    return null;
  },
  'hand.raise': (s, a) => (s.hands.includes(a) ? 'Your hand is already raised.' : null),
  'hand.lower': (s, a) => (s.hands.includes(a) ? null : 'Your hand is not raised.'),
  'hand.clear': (s, a, c) =>
    controls(s, a, "lower someone else's hand") ??
    (isId(c.personId) && s.hands.includes(c.personId) ? null : 'That hand is not raised.'),
  'checkin.say': (s, _a, c) =>
    inStage(
      s,
      ['opening', 'check-in'],
      'Check-in words are shared at the opening or in the check-in round.',
    ) ?? textError(c.text, textLimits.short, 'Your check-in'),
  'checkout.say': (s, _a, c) => {
    const refused =
      inStage(s, ['check-out'], 'Check-out words are shared in the check-out round.') ??
      textError(c.text, textLimits.short, 'Your check-out');
    if (refused) return refused;
    const u = c.usefulness;
    const scored =
      u === undefined || u === null || (typeof u === 'number' && Number.isInteger(u) && u >= 1 && u <= 5);
    return scored ? null : 'Usefulness is a score from 1 to 5.';
  },
  'report.outcome': (s, a, c) => {
    const refused = inStage(s, ['report-back'], "Last meeting's actions are reported on during report-back.");
    if (refused) return refused;
    const action = s.setup.openActions.find((x) => x.actionId === c.actionId);
    if (!action) return 'That action is not on the report-back list of this meeting.';
    if (action.ownerId !== a) return 'Only the owner of an action reports on it.';
    if (!actionOutcomes.includes(c.outcome)) return 'An outcome is done, partly, not done or dropped.';
    return optionalText(c.learned, textLimits.long, 'What you learned');
  },
  'bid.place': (s, a, c) => {
    const refused = inStage(s, ['bidding'], 'Bids for time are made during bidding.');
    if (refused) return refused;
    if (!isMember(s.setup, a)) return 'Facilitators do not bid for time: only members present.';
    const { min, max } = bidMinutes;
    if (typeof c.minutes !== 'number' || !Number.isInteger(c.minutes) || c.minutes < min || c.minutes > max) {
      return `Bid for between ${min} and ${max} minutes.`;
    }
    if (!bidUrgencies.includes(c.urgency)) return 'Say how pressing it is: low, medium or high.';
    const reason = optionalText(c.reason, textLimits.short, 'The reason');
    if (reason) return reason;
    const problemId = c.problemId ?? null;
    if (problemId !== null && !problemsOf(s, a).some((p) => p.problemId === problemId)) {
      return 'You can only bid with a problem of your own.';
    }
    return null;
  },
  'bid.withdraw': (s, a) =>
    inStage(s, ['bidding'], 'Bids for time are withdrawn during bidding.') ??
    (own(s.bids, a) ? null : 'You have not made a bid.'),
  'review.note': (s, _a, c) =>
    inStage(s, ['process-review'], 'Process-review notes are added during the process review.') ??
    textError(c.text, textLimits.long, 'A note'),
  'review.remove': (s, a, c) => {
    const note = s.reviewNotes.find((n) => n.noteId === c.noteId);
    if (!note) return 'That note is not part of this meeting.';
    return note.authorId === a ? null : 'Only its author can remove a note.';
  },
};

export const commandTypes = Object.keys(rules) as MeetingCommandType[];

/** What may happen before the chair starts the meeting: gathering, choosing a chair and a scribe. */
const beforeStart = new Set<MeetingCommandType>([
  'presence.join',
  'presence.leave',
  'meeting.start',
  'chair.handover',
  'chair.claim',
  'scribe.assign',
  'hand.raise',
  'hand.lower',
  'hand.clear',
]);

export function validateCommand(state: MeetingState, actorId: string, command: MeetingCommand): Verdict {
  const refuse = (reason: string): Verdict => ({ ok: false, reason });
  const type = (command as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(rules, type))
    return refuse('The meeting does not know that request.');
  if (!isParticipant(state.setup, actorId)) {
    return refuse('Only the members of this set and its facilitator can take part in this meeting.');
  }
  const isPresence = type === 'presence.join' || type === 'presence.leave';
  if (!isPresence) {
    if (!state.present.includes(actorId)) return refuse('Join the meeting first.');
    if (state.status === 'ended') return refuse('The meeting has ended.');
    if (type === 'meeting.start' && state.status === 'live')
      return refuse('The meeting has already started.');
    if (state.status === 'not-started' && !beforeStart.has(type as MeetingCommandType)) {
      return refuse('The meeting has not started yet.');
    }
  }
  const rule = rules[type as MeetingCommandType] as Rule<MeetingCommand>;
  const reason = rule(state, actorId, command);
  return reason === null ? { ok: true } : refuse(reason);
}
