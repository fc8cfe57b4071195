/** A benchmark's command line: `flag('--keep')` is present or not, `option('--runs')` is the word after it. */
export function commandLine(argv: readonly string[] = process.argv.slice(2)) {
  return {
    argv,
    flag: (name: string): boolean => argv.includes(name),
    option: (name: string): string | undefined => {
      const k = argv.indexOf(name);
      return k >= 0 ? argv[k + 1] : undefined;
    },
  };
}
