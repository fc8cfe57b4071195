/**
 * Who may do what in the room, and when: one deny-by-default map from command to rule. The server asks
 * it before appending an event; clients ask it to offer only what will be accepted. Every field is
 * checked for its type too, so a raw JSON message cast to MeetingCommand is safe to pass in.
 */

import { type Refusal, refuse } from './refusals.ts';
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
  'presence.join': (s, a) => (s.present.includes(a) ? refuse('alreadyJoined') : null),
  'presence.leave': (s, a) => (s.present.includes(a) ? null : refuse('notJoined')),
  'meeting.start': (s, a) => controls(s, a, 'start') ?? (s.setup.agenda.length ? null : refuse('noAgenda')),
  'meeting.end': (s, a) => controls(s, a, 'end'),
  'stage.goto': (s, a, c) => {
    const refused = controls(s, a, 'stageGoto');
    if (refused) return refused;
    if (!isIndex(c.index) || c.index >= s.setup.agenda.length) return refuse('noSuchStage');
    return c.index === s.stageIndex ? refuse('alreadyAtStage') : null;
  },
  'presenter.order': (s, a, c) => {
    const refused =
      controls(s, a, 'presenterOrder') ?? inStage(s, ['bidding', 'presentations'], 'orderOutsideStage');
    if (refused) return refused;
    if (!Array.isArray(c.personIds) || !c.personIds.every(isId)) return refuse('orderMissing');
    if (new Set(c.personIds).size !== c.personIds.length) return refuse('orderDuplicate');
    const outsider = c.personIds.find((id) => !isMember(s.setup, id));
    if (outsider !== undefined) {
      return isParticipant(s.setup, outsider)
        ? refuse('orderFacilitator', { name: nameOf(s.setup, outsider) })
        : refuse('orderOutsider');
    }
    const presenting = currentPresenterId(s);
    if (presenting !== null && !c.personIds.includes(presenting)) {
      return refuse('orderKeepsPresenter', { name: nameOf(s.setup, presenting) });
    }
    return null;
  },
  'presenter.goto': (s, a, c) => {
    const refused =
      controls(s, a, 'presenterGoto') ?? inStage(s, ['presentations'], 'presentersOutsideStage');
    if (refused) return refused;
    if (s.presenterOrder.length === 0) return refuse('noOrder');
    const target = isIndex(c.index) ? s.presenterOrder[c.index] : undefined;
    if (target === undefined) return refuse('noSuchPresenter');
    if (!s.setup.presenterCycle.some((step) => step.key === c.step)) return refuse('noSuchStep');
    if (c.index === s.presenterIndex && c.step === s.step) return refuse('alreadyAtStep');
    if (c.index !== s.presenterIndex) {
      const name = nameOf(s.setup, target);
      if (!s.present.includes(target)) return refuse('presenterAbsent', { name });
      if (s.chairId === target) return refuse('presenterChairing', { name });
    }
    return null;
  },
  'presenter.end': (s, a) =>
    controls(s, a, 'presenterEnd') ?? (currentPresenterId(s) === null ? refuse('nobodyPresenting') : null),
  'timer.pause': (s, a) =>
    controls(s, a, 'timerPause') ?? (s.timer.status === 'running' ? null : refuse('timerNotRunning')),
  'timer.resume': (s, a) =>
    controls(s, a, 'timerResume') ?? (s.timer.status === 'paused' ? null : refuse('timerNotPaused')),
  'timer.extend': (s, a, c) => {
    const refused = controls(s, a, 'timerExtend');
    if (refused) return refused;
    const { min, max } = extendMinutes;
    if (typeof c.minutes !== 'number' || !Number.isInteger(c.minutes) || c.minutes < min || c.minutes > max) {
      return refuse('extendRange', { min, max });
    }
    return s.timer.status === 'idle' ? refuse('noCountdownToExtend') : null;
  },
  'timer.reset': (s, a) =>
    controls(s, a, 'timerReset') ?? (s.timer.status === 'idle' ? refuse('noCountdownToReset') : null),
  'chair.handover': (s, a, c) => {
    const refused = controls(s, a, 'chairHandover');
    if (refused) return refused;
    if (!isId(c.toPersonId) || !isParticipant(s.setup, c.toPersonId)) return refuse('chairOutsider');
    const name = nameOf(s.setup, c.toPersonId);
    if (s.chairId === c.toPersonId) return refuse('alreadyChairing', { name });
    if (!s.present.includes(c.toPersonId)) return refuse('chairAbsent', { name });
    if (currentPresenterId(s) === c.toPersonId) return refuse('chairPresenting', { name });
    return null;
  },
  'chair.claim': (s, a) => {
    if (s.chairId === a) return refuse('youChair');
    if (s.chairId !== null && s.present.includes(s.chairId)) {
      return refuse('askChair', { name: nameOf(s.setup, s.chairId) });
    }
    return currentPresenterId(s) === a ? refuse('youPresent') : null;
  },
  'scribe.assign': (s, a, c) => {
    const refused = controls(s, a, 'scribeAssign');
    if (refused) return refused;
    if (c.personId === null) return s.scribeId === null ? refuse('noScribe') : null;
    if (!isId(c.personId) || !isParticipant(s.setup, c.personId)) return refuse('scribeOutsider');
    const name = nameOf(s.setup, c.personId);
    if (s.scribeId === c.personId) return refuse('alreadyScribe', { name });
    return s.present.includes(c.personId) ? null : refuse('scribeAbsent', { name });
  },
  'rules.show': (s, a, c) => {
    const refused = controls(s, a, 'rulesShow');
    if (refused) return refused;
    if (typeof c.shown !== 'boolean') return refuse('rulesShownMissing');
    if (c.shown === s.groundRulesShown) return refuse(c.shown ? 'rulesAlreadyShown' : 'rulesAlreadyHidden');
    return null;
  },
  'hand.raise': (s, a) => (s.hands.includes(a) ? refuse('handAlreadyRaised') : null),
  'hand.lower': (s, a) => (s.hands.includes(a) ? null : refuse('handNotRaised')),
  'hand.clear': (s, a, c) =>
    controls(s, a, 'handClear') ??
    (isId(c.personId) && s.hands.includes(c.personId) ? null : refuse('otherHandNotRaised')),
  'checkin.say': (s, _a, c) =>
    inStage(s, ['opening', 'check-in'], 'checkinOutsideStage') ??
    textError(c.text, textLimits.short, 'checkIn'),
  'checkout.say': (s, _a, c) => {
    const refused =
      inStage(s, ['check-out'], 'checkoutOutsideStage') ?? textError(c.text, textLimits.short, 'checkOut');
    if (refused) return refused;
    const u = c.usefulness;
    const scored =
      u === undefined || u === null || (typeof u === 'number' && Number.isInteger(u) && u >= 1 && u <= 5);
    return scored ? null : refuse('usefulnessRange');
  },
  'report.outcome': (s, a, c) => {
    const refused = inStage(s, ['report-back'], 'reportOutsideStage');
    if (refused) return refused;
    const action = s.setup.openActions.find((x) => x.actionId === c.actionId);
    if (!action) return refuse('actionNotListed');
    if (action.ownerId !== a) return refuse('notActionOwner');
    if (!actionOutcomes.includes(c.outcome)) return refuse('badOutcome');
    return optionalText(c.learned, textLimits.long, 'learned');
  },
  'bid.place': (s, a, c) => {
    const refused = inStage(s, ['bidding'], 'bidOutsideStage');
    if (refused) return refused;
    if (!isMember(s.setup, a)) return refuse('facilitatorBid');
    const { min, max } = bidMinutes;
    if (typeof c.minutes !== 'number' || !Number.isInteger(c.minutes) || c.minutes < min || c.minutes > max) {
      return refuse('bidRange', { min, max });
    }
    if (!bidUrgencies.includes(c.urgency)) return refuse('badUrgency');
    const reason = optionalText(c.reason, textLimits.short, 'reason');
    if (reason) return reason;
    const problemId = c.problemId ?? null;
    if (problemId !== null && !problemsOf(s, a).some((p) => p.problemId === problemId)) {
      return refuse('bidOthersProblem');
    }
    return null;
  },
  'bid.withdraw': (s, a) =>
    inStage(s, ['bidding'], 'withdrawOutsideStage') ?? (own(s.bids, a) ? null : refuse('noBid')),
  'review.note': (s, _a, c) =>
    inStage(s, ['process-review'], 'reviewOutsideStage') ?? textError(c.text, textLimits.long, 'note'),
  'review.remove': (s, a, c) => {
    const note = s.reviewNotes.find((n) => n.noteId === c.noteId);
    if (!note) return refuse('noSuchNote');
    return note.authorId === a ? null : refuse('notNoteAuthor');
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
  const refused = (refusal: Refusal): Verdict => ({ ok: false, refusal });
  const type = (command as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(rules, type)) return refused(refuse('unknownRequest'));
  if (!isParticipant(state.setup, actorId)) {
    return refused(refuse('notParticipant'));
  }
  const isPresence = type === 'presence.join' || type === 'presence.leave';
  if (!isPresence) {
    if (!state.present.includes(actorId)) return refused(refuse('joinFirst'));
    if (state.status === 'ended') return refused(refuse('meetingEnded'));
    if (type === 'meeting.start' && state.status === 'live') return refused(refuse('alreadyStarted'));
    if (state.status === 'not-started' && !beforeStart.has(type as MeetingCommandType)) {
      return refused(refuse('notStarted'));
    }
  }
  const rule = rules[type as MeetingCommandType] as Rule<MeetingCommand>;
  const refusal = rule(state, actorId, command);
  return refusal === null ? { ok: true } : refused(refusal);
}
