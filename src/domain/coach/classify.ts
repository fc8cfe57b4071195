/**
 * The question coach's classifier: labels one turn typed by a set member (issue 10).
 *
 * Pure and synchronous (no I/O, no clock, no Node or browser API), so the room can run it on every
 * keystroke in the member's own browser. The steps:
 *   1. tokenise, keeping each token's offsets in the original text; normalise the tokens (lower case,
 *      straight apostrophes, "dont" -> "don't", one-letter typos of cue words near a question's start);
 *   2. cut the turn into parts at ? . ! ; and where a second direct question starts inside a sentence
 *      (", how would you ...", "... and did you ..."), and decide which parts are questions;
 *   3. two or more questions: MULTIPLE; none: OPEN for an invitation ("Tell me more about ..."),
 *      else NOT_A_QUESTION; one: the language's rules, in order, on that question (blame and
 *      rhetoric anywhere in the turn first), falling back to CLOSED for a question with no cue.
 * Every result carries the words that decided, with offsets into the original text.
 */
import type { CoachLexicon } from './lexicon.ts';
import { lexicons } from './lexicons.ts';
import type { CoachLabel, CoachLanguage, CoachResult, Evidence } from './types.ts';

interface Token {
  /** Normalised form (may hold a space: "gonna" -> "going to"). */
  norm: string;
  start: number;
  end: number;
}

interface Part {
  tokens: Token[];
  /** " tok tok tok " and the char offset of each token in it. */
  text: string;
  at: number[];
  question: boolean;
  /** Index of the first token after the preamble ("So, I'm curious, ..."), and the text from there. */
  coreFrom: number;
  core: string;
}

const tokenRe = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|\?+[!?]*|!+|\.{2,}|…|[.,;:]|[-–—]/gu;

/** Damerau distance of at most one (one letter added, dropped, changed, or two swapped). */
function withinOne(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface Prepared {
  contractions: Map<string, string>;
  typoTargets: string[];
  known: Set<string>;
}
const prepared = new WeakMap<CoachLexicon, Prepared>();
function prepare(lex: CoachLexicon): Prepared {
  let p = prepared.get(lex);
  if (!p) {
    p = {
      contractions: new Map(Object.entries(lex.contractions)),
      typoTargets: lex.typoTargets,
      known: new Set([...lex.knownWords, ...lex.typoTargets]),
    };
    prepared.set(lex, p);
  }
  return p;
}

function fixTypo(word: string, p: Prepared): string {
  if (word.length < 3 || p.known.has(word) || !/^[a-z']+$/.test(word)) return word;
  for (const target of p.typoTargets) {
    if (target[0] !== word[0] && !(target[0] === word[1] && target[1] === word[0])) continue;
    if (
      target.length < 4 &&
      (word.length !== target.length || [...word].sort().join('') !== [...target].sort().join(''))
    )
      continue; // three-letter cues ("how", "why") only by swapped letters
    if (withinOne(word, target)) return target;
  }
  return word;
}

function tokenise(text: string, p: Prepared): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(tokenRe)) {
    let norm = m[0].toLowerCase().replace(/’/g, "'");
    if (norm.startsWith('?')) norm = '?';
    else if (norm.startsWith('!')) norm = '!';
    else if (norm === '…' || norm.startsWith('..')) norm = '.';
    else if (/^[-–—]$/.test(norm)) norm = '-';
    else norm = p.contractions.get(norm) ?? norm;
    tokens.push({ norm, start: m.index, end: m.index + m[0].length });
  }
  // Typos matter where the cues are: a question's first two words and the verb after "you".
  for (let i = 0; i < tokens.length; i++) {
    const prev = tokens[i - 1]?.norm;
    const prev2 = tokens[i - 2]?.norm;
    const startish =
      prev === undefined || /^[?.!;:,]$/.test(prev) || prev2 === undefined || /^[?.!;:,]$/.test(prev2);
    const word = tokens[i]!.norm;
    if (startish || prev === 'you' || prev === 'i' || word.length >= 5) tokens[i]!.norm = fixTypo(word, p);
  }
  return tokens;
}

function makePart(tokens: Token[]): Part {
  const at: number[] = [];
  let text = ' ';
  for (const t of tokens) {
    at.push(text.length);
    text += `${t.norm} `;
  }
  return { tokens, text, at, question: false, coreFrom: 0, core: text };
}

/** Token index at a char offset of a part's text. */
function tokenAt(part: Part, offset: number): number {
  let k = 0;
  while (k + 1 < part.at.length && part.at[k + 1]! <= offset) k++;
  return k;
}

function splitParts(tokens: Token[], lex: CoachLexicon): Part[] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  for (const t of tokens) {
    current.push(t);
    if (t.norm === '?' || t.norm === '.' || t.norm === '!' || t.norm === ';') {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current);
  const parts: Part[] = [];
  for (const sentence of sentences) {
    let rest = sentence;
    for (;;) {
      const part = makePart(rest);
      const m = lex.innerQuestionStart.exec(part.text.slice(1));
      if (m) m.index += 1;
      if (!m) {
        parts.push(part);
        break;
      }
      const k = tokenAt(part, m.index + 1) + 1; // the question starts after the connector token
      // "What, if anything, did you ..." is one question interrupted by an aside, not two.
      const interrupted = rest.length > 1 && rest[1]!.norm === ',';
      if (k <= 1 || k >= rest.length || interrupted) {
        parts.push(part);
        break;
      }
      parts.push(makePart(rest.slice(0, k)));
      rest = rest.slice(k);
    }
  }
  for (const part of parts) {
    const pre = lex.preamble.exec(part.text);
    part.coreFrom = pre ? tokenAt(part, pre[0].length) : 0;
    if (pre && pre[0].length >= part.text.length - 1) part.coreFrom = part.tokens.length;
    part.core = part.coreFrom === 0 ? part.text : makePart(part.tokens.slice(part.coreFrom)).text;
    const core = part.core;
    const words = part.tokens.slice(part.coreFrom).filter((t) => /[\p{L}\p{N}]/u.test(t.norm));
    const marked = part.tokens.at(-1)?.norm === '?';
    part.question =
      words.length > 0 &&
      !lex.tagOnly.test(part.text) &&
      !lex.permissionOnly.test(part.text) &&
      (marked || lex.questionStart.test(core));
  }
  // "X? Or Y?" is one either/or question.
  for (let i = 1; i < parts.length; i++) {
    if (parts[i]!.question && parts[i - 1]!.question && parts[i]!.tokens[parts[i]!.coreFrom]?.norm === 'or')
      parts[i]!.question = false;
  }
  return parts;
}

function coreText(part: Part): string {
  return part.core;
}

/** Maps a match in a part's text back to the words of the original text. */
function evidenceOf(text: string, part: Part, from: number, index: number, length: number): Evidence {
  const sub = from === 0 ? part : makePart(part.tokens.slice(from));
  let a = tokenAt(sub, index + (sub.text[index] === ' ' ? 1 : 0));
  let b = tokenAt(sub, Math.max(index, index + length - 2));
  const words = sub.tokens;
  while (b > a && !/[\p{L}\p{N}]/u.test(words[b]!.norm)) b--;
  while (a < b && !/[\p{L}\p{N}]/u.test(words[a]!.norm)) a++;
  const start = words[a]!.start;
  const end = words[b]!.end;
  return { text: text.slice(start, end), start, end };
}

function result(label: CoachLabel, confidence: number, rule: string, evidence: Evidence[]): CoachResult {
  return { label, confidence: Math.round(confidence * 100) / 100, evidence, rule };
}

/** Applies the question rules to one question part; undefined when none matches. */
function matchRules(
  text: string,
  part: Part,
  lex: CoachLexicon,
  judgeOnly: boolean,
): { label: CoachLabel; confidence: number; rule: string; evidence: Evidence } | undefined {
  // The question itself (after the preamble), then the whole part, then each clause after a comma.
  const starts = [part.coreFrom, 0];
  part.tokens.forEach((t, k) => {
    if ((t.norm === ',' || t.norm === ':' || t.norm === '-') && k + 1 < part.tokens.length)
      starts.push(k + 1);
  });
  const texts = starts.map((from) =>
    from === 0 ? part.text : from === part.coreFrom ? part.core : makePart(part.tokens.slice(from)).text,
  );
  const whLed = texts.some((t) => lex.whStart.test(t));
  // The question as asked wins over a clause after a comma: every rule is tried on it first.
  for (const [k, from] of starts.entries()) {
    const t = texts[k]!;
    for (const rule of lex.rules) {
      if (judgeOnly !== rule.id.startsWith('judge-')) continue;
      if (rule.skipIfWh && whLed) continue;
      const m = rule.re.exec(t);
      if (m) {
        return {
          label: rule.label,
          confidence: rule.confidence - (from === part.coreFrom || from === 0 ? 0 : 0.1),
          rule: rule.id,
          evidence: evidenceOf(text, part, from, m.index, m[0].length),
        };
      }
    }
  }
  return undefined;
}

/** Labels one turn. `language` picks the lexicon (English only for now). */
export function classifyQuestion(text: string, language: CoachLanguage = 'en'): CoachResult {
  const lex = lexicons[language];
  const tokens = tokenise(text, prepare(lex));
  if (!tokens.some((t) => /[\p{L}\p{N}]/u.test(t.norm))) return result('NOT_A_QUESTION', 0.9, 'empty', []);
  const parts = splitParts(tokens, lex);
  const questions = parts.filter((p) => p.question);

  if (questions.length >= 2) {
    const evidence = questions.map((q) => {
      const first = q.tokens[q.coreFrom]!;
      const last = q.tokens.at(-1)!;
      return {
        text: text.slice(first.start, last.end),
        start: first.start,
        end: last.end,
      };
    });
    const marks = questions.filter((q) => q.tokens.at(-1)?.norm === '?').length;
    return result('MULTIPLE', marks >= 2 ? 0.9 : 0.75, 'multiple', evidence);
  }

  if (questions.length === 0) {
    for (const part of parts) {
      const starts = [part.coreFrom];
      part.tokens.forEach((t, k) => {
        if (t.norm === ',' && k + 1 < part.tokens.length) starts.push(k + 1);
      });
      for (const rule of lex.rules) {
        if (rule.id !== 'open-invitation' && rule.id !== 'open-indirect') continue;
        for (const from of starts) {
          const clause = from === part.coreFrom ? part.core : makePart(part.tokens.slice(from)).text;
          const m = rule.re.exec(clause);
          if (m)
            return result('OPEN', rule.confidence - 0.05, rule.id, [
              evidenceOf(text, part, from, m.index, m[0].length),
            ]);
        }
      }
    }
    const advice = parts.find((p) => lex.adviceStatement.test(coreText(p)));
    const evidence = advice ? [evidenceOf(text, advice, advice.coreFrom, 0, coreText(advice).length)] : [];
    return result(
      'NOT_A_QUESTION',
      advice ? 0.85 : 0.75,
      advice ? 'advice-statement' : 'statement',
      evidence,
    );
  }

  const question = questions[0]!;
  // Blame or rhetoric anywhere in the turn ("You've been missing deadlines; what's going wrong?").
  for (const part of parts) {
    const judged = matchRules(text, part, lex, true);
    if (judged) return result(judged.label, judged.confidence, judged.rule, [judged.evidence]);
  }
  // Advice stated, then a bare request for agreement: "You should call her. What do you think?"
  if (lex.agreementAsk.test(coreText(question))) {
    const advice = parts.find((p) => !p.question && lex.adviceStatement.test(coreText(p)));
    if (advice)
      return result('ADVICE_LEADING', 0.8, 'advice-then-agree', [
        evidenceOf(text, advice, advice.coreFrom, 0, coreText(advice).length),
      ]);
  }
  const matched = matchRules(text, question, lex, false);
  if (matched) return result(matched.label, matched.confidence, matched.rule, [matched.evidence]);
  const first = question.tokens[question.coreFrom]!;
  const last = question.tokens.at(-1)!;
  return result('CLOSED', 0.55, 'closed-statement-question', [
    { text: text.slice(first.start, last.end), start: first.start, end: last.end },
  ]);
}
