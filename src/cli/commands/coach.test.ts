import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CoachIo, runCoachArgv } from './coach.ts';

function capture(stdin = ''): CoachIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
    readStdin: async () => stdin,
  };
  return io;
}

describe('revans coach', () => {
  it('labels each line of standard input as LABEL<TAB>question, skipping blank lines', async () => {
    const io = capture(
      'Have you tried delegating it?\n\nWhat options do you have?\r\nwhy didnt you tell her\n',
    );
    expect(await runCoachArgv([], io)).toBe(0);
    expect(io.out).toBe(
      'ADVICE_LEADING\tHave you tried delegating it?\nOPEN\tWhat options do you have?\nJUDGEMENTAL_WHY\twhy didnt you tell her\n',
    );
    expect(io.err).toBe('');
  });

  it('reads a file and prints one JSON object per line with --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'revans-coach-'));
    const file = join(dir, 'questions.txt');
    writeFileSync(file, 'What happened? How did you feel?\nTell me more.\n');
    const io = capture();
    expect(await runCoachArgv([file, '--json'], io)).toBe(0);
    const lines = io.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ question: 'What happened? How did you feel?', label: 'MULTIPLE' });
    expect(lines[0].evidence[1]).toEqual({ text: 'How did you feel?', start: 15, end: 32 });
    expect(lines[1].label).toBe('OPEN');
    expect(typeof lines[1].confidence).toBe('number');
  });

  it('reads standard input when the file is "-"', async () => {
    const io = capture('Is that realistic?');
    expect(await runCoachArgv(['-'], io)).toBe(0);
    expect(io.out).toBe('CLOSED\tIs that realistic?\n');
  });

  it.each([
    [['missing.txt'], /Cannot read "missing.txt": no such file\./],
    [['a.txt', 'b.txt'], /too many arguments/],
    [['--no-such-option'], /unknown option/],
  ])('rejects bad usage with exit code 2 and a one-line message (%#)', async (argv, message) => {
    const io = capture();
    expect(await runCoachArgv(argv, io)).toBe(2);
    expect(io.err.split('\n')[0]).toMatch(message);
    expect(io.out).toBe('');
  });
});
