/**
 * The ground rules a set starts from: the founding text's three (honesty, respect, responsibility) and
 * what practice adds. Each set adopts and edits its own version.
 */
export const defaultGroundRules = [
  'Be honest with yourself and with others.',
  'Respect each other and each other’s viewpoint.',
  'Take responsibility for your own actions.',
  'Confidentiality: what is said in the set stays in the set.',
  'Attend every meeting, and send apologies in advance when you cannot.',
  'Ask questions rather than give advice; one focus at a time: the presenter.',
] as const;
