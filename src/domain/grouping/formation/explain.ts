import { mustAvoid, type Profile, pairPreferences } from './scores.ts';
import { type Issue, type PreferenceWeights, preferences, type SetReport } from './types.ts';

const plural = (k: number, one: string, many = `${one}s`): string => `${k} ${k === 1 ? one : many}`;
const hours = (minutes: number): string => `${Math.round((minutes / 60) * 10) / 10} h`;
const utc = (m: number): string =>
  `UTC${m < 0 ? '-' : '+'}${Math.floor(Math.abs(m) / 60)}${Math.abs(m) % 60 ? `:${String(Math.abs(m) % 60).padStart(2, '0')}` : ''}`;

/** Items held by at least two of the given sets, most common first. */
function shared(sets: Set<string>[]): [string, number][] {
  const count = new Map<string, number>();
  for (const s of sets) for (const x of s) count.set(x, (count.get(x) ?? 0) + 1);
  return [...count].filter(([, k]) => k >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function common(sets: Set<string>[]): string[] {
  const [first, ...rest] = sets;
  if (!first) return [];
  return [...first].filter((x) => rest.every((s) => s.has(x))).sort();
}

export interface SetContext {
  index: number;
  members: Profile[];
  facilitators: Profile[];
  names: Map<string, string>;
  weights: PreferenceWeights;
  bounds: { min: number; max: number };
  facilitated: boolean;
  locked: boolean;
}

/** Scores one set and explains it: why these people, which preferences were met or missed, which rules broke. */
export function reportSet(ctx: SetContext): SetReport {
  const { members, facilitators, names, index } = ctx;
  const name = (p: Profile): string => names.get(p.id) ?? p.id;
  const everyone = [...members, ...facilitators];
  const breakdown: PreferenceWeights = { themes: 0, role: 0, timeZone: 0, language: 0, availability: 0 };
  const issues: Issue[] = [];
  for (let a = 0; a < everyone.length; a++) {
    for (let b = a + 1; b < everyone.length; b++) {
      const p = everyone[a]!;
      const q = everyone[b]!;
      const s = pairPreferences(p, q, ctx.weights);
      for (const k of preferences) breakdown[k] += s[k];
      if (mustAvoid(p, q)) {
        issues.push({
          severity: 'hard',
          rule: 'must-avoid',
          set: index,
          participants: [p.id, q.id],
          message: `${name(p)} and ${name(q)} must be apart but share set ${index + 1}.`,
        });
      }
      if (p.organisation === q.organisation && p.facilitator !== q.facilitator) {
        const [f, m] = p.facilitator ? [p, q] : [q, p];
        issues.push({
          severity: 'hard',
          rule: 'facilitator-organisation',
          set: index,
          participants: [f.id, m.id],
          message: `Facilitator ${name(f)} is from the same organisation as member ${name(m)} in set ${index + 1}.`,
        });
      }
    }
  }
  const met: string[] = [];
  const missed: string[] = [];
  const size = members.length;
  if (size < ctx.bounds.min || size > ctx.bounds.max) {
    issues.push({
      severity: 'hard',
      rule: 'size-bounds',
      set: index,
      message: `Set ${index + 1} has ${plural(size, 'member')}, outside ${ctx.bounds.min}-${ctx.bounds.max}.`,
    });
  }
  const orgs = new Map<string, Profile[]>();
  for (const m of members) orgs.set(m.organisation, [...(orgs.get(m.organisation) ?? []), m]);
  for (const group of orgs.values()) {
    if (group.length > 1) {
      issues.push({
        severity: 'strong',
        rule: 'same-organisation',
        set: index,
        participants: group.map((p) => p.id),
        message: `${group.map(name).join(', ')} are from one organisation and share set ${index + 1}.`,
      });
    }
  }
  if (orgs.size === size)
    met.push(`every member is from a different organisation (${plural(size, 'organisation')})`);
  else missed.push(`only ${plural(orgs.size, 'organisation')} for ${plural(size, 'member')}`);
  if (ctx.facilitated) {
    if (facilitators.length === 0) {
      issues.push({
        severity: 'strong',
        rule: 'facilitator-missing',
        set: index,
        message: `Set ${index + 1} has no facilitator.`,
      });
      missed.push('no facilitator');
    } else met.push(`facilitated by ${facilitators.map(name).join(' and ')}`);
  }
  const themes = shared(members.map((m) => m.themes));
  if (themes.length > 0)
    met.push(
      `shared themes: ${themes
        .slice(0, 4)
        .map(([t, k]) => `${t} (${k})`)
        .join(', ')}`,
    );
  else if (members.some((m) => m.themes.size > 0)) missed.push('no theme shared by two members');
  const roles = shared(members.map((m) => new Set(m.role ? [m.role] : [])));
  if (roles.length > 0) met.push(`similar roles: ${roles.map(([r, k]) => `${r} (${k})`).join(', ')}`);
  else if (members.some((m) => m.role)) missed.push('no two members in the same role');
  const speakers = everyone.filter((p) => p.languages.size > 0);
  const languages = common(speakers.map((p) => p.languages));
  if (speakers.length > 0 && languages.length > 0) met.push(`common language: ${languages.join(', ')}`);
  else if (speakers.length > 0) {
    missed.push('no language shared by everyone');
    issues.push({
      severity: 'preference',
      rule: 'language',
      set: index,
      message: `Set ${index + 1} has no language that everyone speaks.`,
    });
  }
  const offsets = everyone.map((p) => p.offset).filter((o): o is number => o !== undefined);
  if (offsets.length > 0) {
    const lo = Math.min(...offsets);
    const hi = Math.max(...offsets);
    const span = `time zones ${lo === hi ? utc(lo) : `${utc(lo)} to ${utc(hi)}`}`;
    if (hi - lo <= 4 * 60)
      met.push(lo === hi ? `everyone in ${utc(lo)}` : `${span} (${hours(hi - lo)} apart)`);
    else {
      missed.push(`${span}: ${hours(hi - lo)} apart leaves little shared working time`);
      issues.push({
        severity: 'preference',
        rule: 'time-zone',
        set: index,
        message: `Set ${index + 1} spans ${hours(hi - lo)} of time zones.`,
      });
    }
  }
  const slots = everyone.filter((p) => p.availability.size > 0);
  const commonSlots = common(slots.map((p) => p.availability));
  if (slots.length > 0 && commonSlots.length > 0)
    met.push(`everyone who gave availability can meet: ${commonSlots.join(', ')}`);
  else if (slots.length > 0) {
    missed.push('no time slot everyone can make');
    issues.push({
      severity: 'preference',
      rule: 'availability',
      set: index,
      message: `Set ${index + 1} has no slot that everyone can make.`,
    });
  }
  const score = preferences.reduce((s, k) => s + breakdown[k], 0);
  const lead = `Set ${index + 1}${ctx.locked ? ' (locked by the coordinator)' : ''}: ${plural(size, 'member')}`;
  const explanation = [
    `${lead}: ${members.map(name).join(', ')}.`,
    met.length > 0 ? `Met: ${met.join('; ')}.` : '',
    missed.length > 0 ? `Missed: ${missed.join('; ')}.` : '',
    issues.some((i) => i.severity === 'hard')
      ? `Broken rules: ${issues
          .filter((i) => i.severity === 'hard')
          .map((i) => i.message)
          .join(' ')}`
      : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  for (const k of preferences) breakdown[k] = Math.round(breakdown[k] * 1000) / 1000;
  return {
    members: members.map((m) => m.id),
    facilitators: facilitators.map((f) => f.id),
    locked: ctx.locked,
    score: Math.round(score * 1000) / 1000,
    breakdown,
    met,
    missed,
    explanation,
    issues,
  };
}
