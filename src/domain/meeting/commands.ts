/**
 * The payload fields of each command. The server stores what `cleanCommand` returns, so a client
 * cannot smuggle extra data into the meeting's permanent log.
 */
import type { CommandOf, MeetingCommand, MeetingCommandType } from './types.ts';

type Fields = { [T in MeetingCommandType]: readonly Exclude<keyof CommandOf<T>, 'type'>[] };

export const commandFields: Fields = {
  'presence.join': [],
  'presence.leave': [],
  'meeting.start': [],
  'meeting.end': [],
  'stage.goto': ['index'],
  'presenter.order': ['personIds'],
  'presenter.goto': ['index', 'step'],
  'presenter.end': [],
  'timer.pause': [],
  'timer.resume': [],
  'timer.extend': ['minutes'],
  'timer.reset': [],
  'chair.handover': ['toPersonId'],
  'chair.claim': [],
  'scribe.assign': ['personId'],
  'rules.show': ['shown'],
  'hand.raise': [],
  'hand.lower': [],
  'hand.clear': ['personId'],
  'checkin.say': ['text'],
  'checkout.say': ['text', 'usefulness'],
  'report.outcome': ['actionId', 'outcome', 'learned'],
  'bid.place': ['minutes', 'urgency', 'reason', 'problemId'],
  'bid.withdraw': [],
  'problem.choose': ['problemId'],
  'problem.new': ['title', 'statement'],
  'problem.reframe': ['statement'],
  'question.add': ['text', 'askedBy'],
  'question.edit': ['questionId', 'text'],
  'question.remove': ['questionId'],
  'question.mark': ['questionId', 'struckHome'],
  'action.add': ['text', 'dueOn'],
  'action.edit': ['actionId', 'text', 'dueOn'],
  'action.remove': ['actionId'],
  'feedback.give': ['text'],
  'review.note': ['text'],
  'review.remove': ['noteId'],
};

/** The command with only its own fields (an absent optional field stays absent). Use it on validated commands. */
export function cleanCommand<C extends MeetingCommand>(command: C): C {
  const fields = Object.hasOwn(commandFields, command.type)
    ? (commandFields[command.type] as readonly string[])
    : [];
  const clean: Record<string, unknown> = { type: command.type };
  for (const field of fields) {
    if (Object.hasOwn(command, field)) clean[field] = (command as Record<string, unknown>)[field];
  }
  return clean as C;
}
