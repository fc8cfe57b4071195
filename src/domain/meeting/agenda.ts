/**
 * Agenda templates for a set meeting (METHOD.md, "A set meeting (the cycle)"): the default stages and
 * the per-presenter cycle, and the edits a programme or a set may make to them.
 */

export const stageKinds = [
  'opening',
  'check-in',
  'report-back',
  'bidding',
  'presentations',
  'process-review',
  'check-out',
] as const;
export type StageKind = (typeof stageKinds)[number];

export const presenterSteps = [
  'presenting',
  'clarifying',
  'questioning',
  'reframing',
  'actions',
  'feedback',
] as const;
export type PresenterStep = (typeof presenterSteps)[number];

export interface AgendaStage {
  key: StageKind;
  title: string;
  minutes: number;
  optional: boolean;
}

export interface PresenterStepPlan {
  key: PresenterStep;
  title: string;
  minutes: number;
}

export const stageMinutes = { min: 1, max: 240 } as const;
export const titleMaxLength = 80;

/** A 3-hour meeting: the presentations budget fits two presenters' cycles of about 50 minutes each. */
const defaults: readonly AgendaStage[] = [
  { key: 'opening', title: 'Opening', minutes: 5, optional: false },
  { key: 'check-in', title: 'Check-in', minutes: 10, optional: true },
  { key: 'report-back', title: 'Report back', minutes: 25, optional: true },
  { key: 'bidding', title: 'Bidding for time', minutes: 10, optional: true },
  { key: 'presentations', title: 'Presentations', minutes: 110, optional: false },
  { key: 'process-review', title: 'Process review', minutes: 10, optional: true },
  { key: 'check-out', title: 'Check-out', minutes: 10, optional: true },
];

const defaultCycle: readonly PresenterStepPlan[] = [
  { key: 'presenting', title: 'Presenting', minutes: 10 },
  { key: 'clarifying', title: 'Clarifying questions', minutes: 5 },
  { key: 'questioning', title: 'Open questioning', minutes: 20 },
  { key: 'reframing', title: 'Reflection and reframing', minutes: 5 },
  { key: 'actions', title: 'Ways forward and actions', minutes: 5 },
  { key: 'feedback', title: "Presenter's feedback", minutes: 2 },
];

export function defaultAgenda(): AgendaStage[] {
  return defaults.map((stage) => ({ ...stage }));
}

export function defaultPresenterCycle(): PresenterStepPlan[] {
  return defaultCycle.map((step) => ({ ...step }));
}

export type AgendaEdit =
  | { kind: 'rename'; key: StageKind; title: string }
  | { kind: 'duration'; key: StageKind; minutes: number }
  /** toIndex is the 0-based position the stage should end up at. */
  | { kind: 'move'; key: StageKind; toIndex: number }
  | { kind: 'drop'; key: StageKind }
  /** Puts a dropped stage back, with its default title and duration, at toIndex or where it belongs by default. */
  | { kind: 'restore'; key: StageKind; toIndex?: number };

export type PresenterCycleEdit =
  | { kind: 'rename'; key: PresenterStep; title: string }
  | { kind: 'duration'; key: PresenterStep; minutes: number };

export type Customised<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const defaultTitle = (key: StageKind) => defaults.find((s) => s.key === key)?.title ?? key;

function titleError(title: unknown, what: string): string | null {
  if (typeof title !== 'string' || title.trim() === '') return `${what} needs a title.`;
  if (title.trim().length > titleMaxLength)
    return `${what}'s title must be at most ${titleMaxLength} characters.`;
  return null;
}

function minutesError(minutes: unknown, title: string): string | null {
  if (typeof minutes !== 'number' || !Number.isInteger(minutes))
    return `"${title}" needs a whole number of minutes.`;
  if (minutes < stageMinutes.min || minutes > stageMinutes.max) {
    return `"${title}" must last between ${stageMinutes.min} and ${stageMinutes.max} minutes.`;
  }
  return null;
}

/** Every problem with a whole agenda, as sentences; empty when it is fine. Use it on agendas read from storage. */
export function validateAgenda(agenda: readonly AgendaStage[]): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const stage of agenda) {
    if (!stageKinds.includes(stage.key)) {
      errors.push(`"${String(stage.key)}" is not a stage of a set meeting.`);
      continue;
    }
    if (seen.has(stage.key)) errors.push(`"${defaultTitle(stage.key)}" appears twice on the agenda.`);
    seen.add(stage.key);
    const shown =
      typeof stage.title === 'string' && stage.title.trim() ? stage.title : defaultTitle(stage.key);
    const title = titleError(stage.title, `The stage "${defaultTitle(stage.key)}"`);
    if (title) errors.push(title);
    const minutes = minutesError(stage.minutes, shown);
    if (minutes) errors.push(minutes);
    const required = defaults.find((s) => s.key === stage.key)?.optional === false;
    if (required && stage.optional) errors.push(`"${shown}" cannot be made optional.`);
  }
  for (const required of defaults.filter((s) => !s.optional)) {
    if (!seen.has(required.key)) errors.push(droppedRequired(required.key));
  }
  const at = (key: StageKind) => agenda.findIndex((s) => s.key === key);
  if (at('opening') > 0) errors.push('The opening must come first: it is where the ground rules are shown.');
  if (at('bidding') >= 0 && at('presentations') >= 0 && at('bidding') > at('presentations')) {
    errors.push('Bidding for time must come before the presentations: the bids decide who presents.');
  }
  return errors;
}

function droppedRequired(key: StageKind): string {
  return key === 'presentations'
    ? 'The presentations cannot be dropped: they are the heart of the meeting.'
    : `"${defaultTitle(key)}" cannot be dropped.`;
}

function applyEdit(agenda: AgendaStage[], edit: AgendaEdit): AgendaStage[] | string {
  const index = agenda.findIndex((s) => s.key === edit.key);
  const stage = agenda[index];
  if (edit.kind === 'restore') {
    if (stage) return `"${stage.title}" is already on the agenda.`;
    const original = defaults.find((s) => s.key === edit.key);
    if (!original) return `"${String(edit.key)}" is not a stage of a set meeting.`;
    const rank = (key: StageKind) => stageKinds.indexOf(key);
    const natural = agenda.filter((s) => rank(s.key) < rank(original.key)).length;
    const to = edit.toIndex ?? natural;
    if (!Number.isInteger(to) || to < 0 || to > agenda.length)
      return positionError(original.title, agenda.length + 1);
    return [...agenda.slice(0, to), { ...original }, ...agenda.slice(to)];
  }
  if (!stage) return `"${defaultTitle(edit.key)}" is not on this agenda.`;
  switch (edit.kind) {
    case 'rename': {
      const error = titleError(edit.title, `The stage "${stage.title}"`);
      return error ?? agenda.map((s, i) => (i === index ? { ...s, title: edit.title.trim() } : s));
    }
    case 'duration':
      return (
        minutesError(edit.minutes, stage.title) ??
        agenda.map((s, i) => (i === index ? { ...s, minutes: edit.minutes } : s))
      );
    case 'move': {
      if (!Number.isInteger(edit.toIndex) || edit.toIndex < 0 || edit.toIndex >= agenda.length) {
        return positionError(stage.title, agenda.length);
      }
      const rest = agenda.filter((_, i) => i !== index);
      return [...rest.slice(0, edit.toIndex), stage, ...rest.slice(edit.toIndex)];
    }
    case 'drop':
      return stage.optional ? agenda.filter((_, i) => i !== index) : droppedRequired(stage.key);
  }
}

function positionError(title: string, stages: number): string {
  return `"${title}" can only move to a position between 1 and ${stages}.`;
}

/**
 * Applies a programme's or a set's edits in order. Every refused edit is reported, and the result must
 * still be a valid agenda (opening first, bidding before presentations).
 */
export function customiseAgenda(
  base: readonly AgendaStage[],
  edits: readonly AgendaEdit[],
): Customised<AgendaStage[]> {
  let agenda = base.map((s) => ({ ...s }));
  const errors: string[] = [];
  for (const edit of edits) {
    const next = applyEdit(agenda, edit);
    if (typeof next === 'string') errors.push(next);
    else agenda = next;
  }
  errors.push(...validateAgenda(agenda));
  return errors.length ? { ok: false, errors: [...new Set(errors)] } : { ok: true, value: agenda };
}

/** The presenter's cycle keeps its shape (the method), so only titles and durations change. */
export function validatePresenterCycle(cycle: readonly PresenterStepPlan[]): string[] {
  const errors: string[] = [];
  const keys = cycle.map((s) => s.key);
  if (keys.length !== presenterSteps.length || presenterSteps.some((k, i) => keys[i] !== k)) {
    errors.push(
      `The presenter's cycle must have its six steps in order: ${defaultCycle.map((s) => s.title).join(', ')}.`,
    );
  }
  for (const step of cycle) {
    const name = defaultCycle.find((s) => s.key === step.key)?.title ?? String(step.key);
    const title = titleError(step.title, `The step "${name}"`);
    if (title) errors.push(title);
    const minutes = minutesError(
      step.minutes,
      typeof step.title === 'string' && step.title.trim() ? step.title : name,
    );
    if (minutes) errors.push(minutes);
  }
  return errors;
}

export function customisePresenterCycle(
  base: readonly PresenterStepPlan[],
  edits: readonly PresenterCycleEdit[],
): Customised<PresenterStepPlan[]> {
  let cycle = base.map((s) => ({ ...s }));
  const errors: string[] = [];
  for (const edit of edits) {
    const step = cycle.find((s) => s.key === edit.key);
    if (!step) {
      errors.push(`"${String(edit.key)}" is not a step of the presenter's cycle.`);
      continue;
    }
    const error =
      edit.kind === 'rename'
        ? titleError(edit.title, `The step "${step.title}"`)
        : minutesError(edit.minutes, step.title);
    if (error) errors.push(error);
    else
      cycle = cycle.map((s) =>
        s.key !== edit.key
          ? s
          : edit.kind === 'rename'
            ? { ...s, title: edit.title.trim() }
            : { ...s, minutes: edit.minutes },
      );
  }
  errors.push(...validatePresenterCycle(cycle));
  return errors.length ? { ok: false, errors: [...new Set(errors)] } : { ok: true, value: cycle };
}
