/**
 * `revans form-sets`: propose action learning sets from a participants file, or (benchmark mode)
 * solve an MDGPLIB instance.
 *
 *   revans form-sets participants.json [--seed N] [--time-limit S] [--out sets.json]
 *   revans form-sets --mdgp FILE [--time-limit S] [--seed N] [--out OUT.json]
 *
 * The participants file has the shape of a formation run's `input` (src/contract/formation.ts, explained
 * in src/domain/grouping/formation/types.ts and docs/coordinators/forming-sets.md), and is parsed with
 * that schema. Bad input ends with exit code 2 and one sentence on stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { participantsFile } from '../../contract/formation.ts';
import { formSets } from '../../domain/grouping/formation/form-sets.ts';
import { FormationInputError } from '../../domain/grouping/formation/validate.ts';
import { groupsOf, MdgpFormatError, mdgpProblem, parseMdgp } from '../../domain/grouping/mdgp/instance.ts';
import { solveGrouping } from '../../domain/grouping/mdgp/solver.ts';

export interface FormSetsArgs {
  participants?: string;
  mdgp?: string;
  timeLimit?: string | number;
  seed?: string | number;
  out?: string;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Show a progress bar (stderr is a terminal). */
  progress: boolean;
}

const processIo = (): Io => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  progress: process.stderr.isTTY === true,
});

class UsageError extends Error {}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `Cannot read the ${what} "${file}"${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}.`,
    );
  }
}

function parseArgs(args: FormSetsArgs): { timeLimit: number; seed: number } {
  const timeLimit = Number(args.timeLimit ?? 5);
  if (!Number.isFinite(timeLimit) || timeLimit <= 0)
    throw new UsageError('--time-limit must be a positive number of seconds.');
  const seed = Number(args.seed ?? 1);
  if (!Number.isSafeInteger(seed)) throw new UsageError('--seed must be a whole number.');
  if (args.mdgp !== undefined && args.participants !== undefined) {
    throw new UsageError('Give either a participants file or --mdgp FILE, not both.');
  }
  if (args.mdgp === undefined && args.participants === undefined) {
    throw new UsageError('Give a participants file (JSON) or --mdgp FILE; see revans form-sets --help.');
  }
  return { timeLimit, seed };
}

/** A clock for the domain's `shouldStop`, with a progress bar on stderr when it is a terminal. */
function deadline(
  seconds: number,
  io: Io,
  label: string,
): { shouldStop: () => boolean; progress: () => number; done: () => void } {
  const start = performance.now();
  const limitMs = seconds * 1000;
  const bar = io.progress
    ? new cliProgress.SingleBar(
        {
          format: `${label} [{bar}] {value}/{total} s`,
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(Math.round(seconds * 10) / 10, 0);
  let last = 0;
  return {
    shouldStop: () => {
      const elapsed = performance.now() - start;
      if (bar && elapsed - last > 100) {
        last = elapsed;
        bar.update(Math.min(Math.round(elapsed / 100) / 10, seconds));
      }
      return elapsed >= limitMs;
    },
    progress: () => (performance.now() - start) / limitMs,
    done: () => bar?.stop(),
  };
}

function emit(json: unknown, args: FormSetsArgs, io: Io, pretty: boolean): void {
  const text = `${pretty ? JSON.stringify(json, null, 2) : JSON.stringify(json)}\n`;
  if (args.out === undefined) io.stdout(text);
  else {
    try {
      writeFileSync(args.out, text);
    } catch (e) {
      throw new UsageError(`Cannot write "${args.out}" (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
  }
}

/** Runs the command; returns the exit code (0 ok, 2 usage or input error). */
export async function runFormSets(args: FormSetsArgs, io: Io = processIo()): Promise<number> {
  try {
    const { timeLimit, seed } = parseArgs(args);
    if (args.mdgp !== undefined) {
      const clock = deadline(timeLimit, io, 'MDGP search');
      let instance: ReturnType<typeof parseMdgp>;
      try {
        instance = parseMdgp(readText(args.mdgp, 'MDGP instance'));
      } catch (e) {
        clock.done();
        if (e instanceof MdgpFormatError) throw new UsageError(`${args.mdgp}: ${e.message}`);
        throw e;
      }
      const result = solveGrouping(mdgpProblem(instance), {
        seed,
        shouldStop: clock.shouldStop,
        progress: clock.progress,
      });
      clock.done();
      emit(
        {
          groups: groupsOf(result.assignment, instance.groupCount),
          objective: Math.round(result.objective * 1e6) / 1e6,
        },
        args,
        io,
        false,
      );
      return 0;
    }
    let json: unknown;
    const file = args.participants!;
    try {
      json = JSON.parse(readText(file, 'participants file'));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${file} is not valid JSON (${(e as Error).message}).`);
    }
    const parsed = participantsFile.safeParse(json);
    if (!parsed.success) throw new UsageError(parsed.error.issues[0]!.message);
    const input = parsed.data;
    const clock = deadline(timeLimit, io, 'Forming sets');
    const result = formSets(input, { seed, shouldStop: clock.shouldStop });
    clock.done();
    emit(result, args, io, true);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof FormationInputError) {
      io.stderr(`revans form-sets: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

export function register(program: Command): void {
  program
    .command('form-sets')
    .description(
      'Propose action learning sets from a participants file, or solve an MDGPLIB instance (--mdgp).',
    )
    .argument('[participants]', 'participants file (JSON); see docs/coordinators/forming-sets.md')
    .option('--mdgp <file>', 'solve a Maximally Diverse Grouping Problem instance (MDGPLIB format) instead')
    .option('--time-limit <seconds>', 'upper bound on the search time', '5')
    .option('--seed <n>', 'random seed; the same seed gives the same sets', '1')
    .option('--out <file>', 'write the result here instead of stdout')
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? 0 : 2);
    })
    .action(async (participants: string | undefined, opts: Omit<FormSetsArgs, 'participants'>) => {
      process.exitCode = await runFormSets({
        ...opts,
        ...(participants === undefined ? {} : { participants }),
      });
    });
}

/** Parses a full argument list (after `form-sets`) with commander, as the CLI would; for tests and scripts. */
export async function runFormSetsArgv(argv: string[], io: Io = processIo()): Promise<number> {
  const program = new Command().exitOverride();
  program.configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  let code = 0;
  program
    .command('form-sets')
    .argument('[participants]')
    .option('--mdgp <file>')
    .option('--time-limit <seconds>', '', '5')
    .option('--seed <n>', '', '1')
    .option('--out <file>')
    .exitOverride()
    .action(async (participants: string | undefined, opts: Omit<FormSetsArgs, 'participants'>) => {
      code = await runFormSets({ ...opts, ...(participants === undefined ? {} : { participants }) }, io);
    });
  try {
    await program.parseAsync(['form-sets', ...argv], { from: 'user' });
  } catch (e) {
    return (e as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  return code;
}
