/**
 * Parts of a mail only its recipient may read. A template wraps set content (a member's action texts,
 * anything said in a set) and private links (a link that signs in, resets a password or changes someone's
 * choices) in markers when it renders; the stored mail keeps them. Delivery to the recipient strips the
 * markers; every other view of the mail (the host admin's outbox, any export) replaces the marked parts.
 *
 * The markers are Unicode private-use characters, which no keyboard types: anything a person wrote has
 * them removed before it is placed in a mail, so nobody can open or close a marked part by typing.
 */
const contentOpen = '\uE000';
const contentClose = '\uE001';
const linkOpen = '\uE002';
const linkClose = '\uE003';
const anyMarker = /[\uE000-\uE003]/g;
const markedContent = /\uE000[^\uE000-\uE003]*\uE001/g;
const markedLink = /\uE002[^\uE000-\uE003]*\uE003/g;

/** Text from a person or the database, safe to place in a mail: it can neither open nor close a marked part. */
export const unmarked = (text: string) => text.replace(anyMarker, '');

/** Set content: read by the mail's recipient only. */
export const setContent = (text: string) => `${contentOpen}${unmarked(text)}${contentClose}`;

/** A link that acts for the recipient: followed by the recipient only. */
export const privateLink = (url: string) => `${linkOpen}${unmarked(url)}${linkClose}`;

/** The mail as its recipient receives it. */
export const forDelivery = (body: string) => body.replace(anyMarker, '');

export interface Withholding {
  /** What stands in for set content, e.g. "[set content withheld]". */
  content: string;
  /** What stands in for a private link. */
  link: string;
}

export interface ViewedText {
  text: string;
  withheldContent: number;
  withheldLinks: number;
}

/**
 * Mails queued before marking existed: their private links are recognised by their paths, and a kind
 * known to list set content is withheld whole.
 */
const legacyPrivateLink =
  /https?:\/\/\S+\/(invitation\/|reset-password\?token=|your-application\/|unsubscribe\/)\S+/g;
const legacyContentKinds = new Set(['actionsNudge']);
const hasMarkers = (text: string) => /[\uE000-\uE003]/.test(text);
/** An opening marker left without its close (a cut text) withholds everything after it. */
const unclosedContent = /\uE000[\s\S]*$/;
const unclosedLink = /\uE002[\s\S]*$/;

/**
 * A mail's subject or body as anyone but its recipient sees it: marked parts replaced, and counted. Give
 * `legacyBodyOfKind` for a body, so that an unmarked body of a kind that lists set content is withheld.
 */
export function forViewing(body: string, words: Withholding, legacyBodyOfKind?: string): ViewedText {
  let withheldContent = 0;
  let withheldLinks = 0;
  if (legacyBodyOfKind && !hasMarkers(body) && legacyContentKinds.has(legacyBodyOfKind)) {
    return { text: words.content, withheldContent: 1, withheldLinks: 0 };
  }
  const text = body
    .replace(markedContent, () => {
      withheldContent++;
      return words.content;
    })
    .replace(markedLink, () => {
      withheldLinks++;
      return words.link;
    })
    .replace(unclosedContent, () => {
      withheldContent++;
      return words.content;
    })
    .replace(unclosedLink, () => {
      withheldLinks++;
      return words.link;
    })
    .replace(legacyPrivateLink, () => {
      withheldLinks++;
      return words.link;
    })
    .replace(anyMarker, '');
  return { text, withheldContent, withheldLinks };
}
