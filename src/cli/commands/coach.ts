/**
 * `revans coach [FILE] [--json]`: label questions with the question coach, one question per line.
 *
 *   revans coach questions.txt          LABEL<TAB>question, one line per question
 *   echo "have you tried X" | revans coach --json
 *                                       {"question","label","confidence","evidence"} per line
 *
 * Reads standard input when no file is given. Blank lines are skipped. Usage errors end with exit
 * code 2 and one sentence on stderr.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { classifyQuestion } from '../../domain/coach/classify.ts';

export interface CoachArgs {
  file?: string;
  json?: boolean;
}

export interface CoachIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The whole of standard input. */
  readStdin: () => Promise<string>;
}

const processIo = (): CoachIo => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
});

class UsageError extends Error {}

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `Cannot read "${file}"${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a folder' : code ? ` (${code})` : ''}.`,
    );
  }
}

/** Runs the command; returns the exit code (0 ok, 2 usage error). */
export async function runCoach(args: CoachArgs, io: CoachIo = processIo()): Promise<number> {
  try {
    const input = args.file === undefined || args.file === '-' ? await io.readStdin() : readInput(args.file);
    let out = '';
    for (const raw of input.split(/\r?\n/)) {
      const question = raw.trim();
      if (question === '') continue;
      const r = classifyQuestion(question);
      out += args.json
        ? `${JSON.stringify({ question, label: r.label, confidence: r.confidence, evidence: r.evidence })}\n`
        : `${r.label}\t${question}\n`;
    }
    io.stdout(out);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`revans coach: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function define(command: Command): Command {
  return command
    .description(
      'Label questions as the question coach would (OPEN, CLOSED, ADVICE_LEADING, ...), one per line.',
    )
    .argument('[file]', 'text file with one question per line; standard input when omitted or "-"')
    .option('--json', 'print one JSON object per line: question, label, confidence, evidence')
    .exitOverride();
}

export function register(program: Command): void {
  define(program.command('coach'))
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? 0 : 2);
    })
    .action(async (file: string | undefined, opts: { json?: boolean }) => {
      process.exitCode = await runCoach({
        ...(file === undefined ? {} : { file }),
        json: opts.json === true,
      });
    });
}

/** Parses a full argument list (after `coach`) with commander, as the CLI would; for tests and scripts. */
export async function runCoachArgv(argv: string[], io: CoachIo = processIo()): Promise<number> {
  const program = new Command().exitOverride();
  program.configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  let code = 0;
  define(program.command('coach')).action(async (file: string | undefined, opts: { json?: boolean }) => {
    code = await runCoach({ ...(file === undefined ? {} : { file }), json: opts.json === true }, io);
  });
  try {
    await program.parseAsync(['coach', ...argv], { from: 'user' });
  } catch (e) {
    return (e as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  return code;
}
