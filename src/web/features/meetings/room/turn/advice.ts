/** Questions that give advice rather than open the problem up ("Have you thought of…?", "Why don't you…?"). */
const disguisedAdvice =
  /^\s*(have you (ever )?(thought|considered|tried)|why (don'?t|do not|not) you|you (should|could|must|need to|ought)|what about|could(n'?t)? you (not|just)|wouldn'?t it be|if i were you|i would|i'd)/i;

export function adviceNudge(text: string): boolean {
  return disguisedAdvice.test(text);
}
