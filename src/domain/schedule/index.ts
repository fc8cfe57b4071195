export * from './format.ts';
export * from './polls.ts';
export * from './recurrence.ts';
export * from './reminders.ts';
export * from './series-edit.ts';
