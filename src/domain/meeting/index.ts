/** The live set meeting, pure: agenda templates, commands and events, the reducer, the room's rules. */
export * from './agenda.ts';
export * from './commands.ts';
export * from './fair-turns.ts';
export * from './permissions.ts';
export * from './record.ts';
export * from './record-markdown.ts';
export * from './record-outline.ts';
export * from './reducer.ts';
export * from './refusals.ts';
export * from './selectors.ts';
export * from './timer.ts';
export * from './types.ts';
