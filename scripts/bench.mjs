// `npm run bench -- NAME [args]` runs bench/NAME.ts with tsx; without a known NAME it lists them.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const benchDir = join(root, 'bench');
const available = existsSync(benchDir)
  ? readdirSync(benchDir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_'))
      .map((f) => f.slice(0, -3))
      .sort()
  : [];

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  const list =
    available.length > 0 ? available.map((b) => `  ${b}`).join('\n') : '  (none yet: add bench/NAME.ts)';
  console.error(
    `${name ? `There is no benchmark "${name}".` : 'Name a benchmark to run.'} ` +
      `Usage: npm run bench -- NAME [args]. Available benchmarks:\n${list}`,
  );
  process.exit(2);
}

const child = spawn(process.execPath, ['--import', 'tsx', join('bench', `${name}.ts`), ...args], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));
