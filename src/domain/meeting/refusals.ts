/**
 * Why the room refuses a command, as a code and its values: the domain names the reason, the web app
 * and the server put it into words from the i18n catalogue (`meeting.refusal.<code>` in web.en.json).
 * A `context` value picks an i18next variant of the sentence (`<key>_<context>`), e.g. the field a
 * text check is about, or "facilitated" when a facilitator shares the chair's controls.
 */

/** What only whoever holds the controls (the chair, or also the facilitator) may do. */
export const controlActions = [
  'start',
  'end',
  'stageGoto',
  'presenterOrder',
  'presenterGoto',
  'presenterEnd',
  'timerPause',
  'timerResume',
  'timerExtend',
  'timerReset',
  'chairHandover',
  'scribeAssign',
  'rulesShow',
  'handClear',
] as const;
export type ControlAction = (typeof controlActions)[number];

/** What only the presenter on the floor may do on their own turn. */
export const presenterActions = ['choose', 'bringNew', 'reframe', 'feedback'] as const;
export type PresenterAction = (typeof presenterActions)[number];

/** The texts the room checks; each is the context of the text.* refusals. */
export const textFields = [
  'checkIn',
  'checkOut',
  'learned',
  'reason',
  'note',
  'title',
  'statement',
  'newStatement',
  'question',
  'action',
  'feedback',
] as const;
export type TextField = (typeof textFields)[number];

const plainCodes = [
  'unknownRequest',
  'notParticipant',
  'joinFirst',
  'meetingEnded',
  'alreadyStarted',
  'notStarted',
  'busy',
  'alreadyJoined',
  'notJoined',
  'noAgenda',
  'noSuchStage',
  'alreadyAtStage',
  'orderOutsideStage',
  'orderMissing',
  'orderDuplicate',
  'orderFacilitator',
  'orderOutsider',
  'orderKeepsPresenter',
  'presentersOutsideStage',
  'noOrder',
  'noSuchPresenter',
  'noSuchStep',
  'alreadyAtStep',
  'presenterAbsent',
  'presenterChairing',
  'nobodyPresenting',
  'timerNotRunning',
  'timerNotPaused',
  'extendRange',
  'noCountdownToExtend',
  'noCountdownToReset',
  'chairOutsider',
  'alreadyChairing',
  'chairAbsent',
  'chairPresenting',
  'youChair',
  'askChair',
  'youPresent',
  'noScribe',
  'scribeOutsider',
  'alreadyScribe',
  'scribeAbsent',
  'rulesShownMissing',
  'rulesAlreadyShown',
  'rulesAlreadyHidden',
  'handAlreadyRaised',
  'handNotRaised',
  'otherHandNotRaised',
  'checkinOutsideStage',
  'checkoutOutsideStage',
  'usefulnessRange',
  'reportOutsideStage',
  'actionNotListed',
  'notActionOwner',
  'badOutcome',
  'bidOutsideStage',
  'facilitatorBid',
  'bidRange',
  'badUrgency',
  'bidOthersProblem',
  'withdrawOutsideStage',
  'noBid',
  'reviewOutsideStage',
  'noSuchNote',
  'notNoteAuthor',
  'noSuchQuestion',
  'notQuestionChanger',
  'noSuchAction',
  'notActionChanger',
  'presentOthersProblem',
  'problemAlreadyChosen',
  'newProblemAlready',
  'reframeWithoutProblem',
  'questionOutsideStep',
  'presenterAsks',
  'notScribeProxy',
  'askerOutsider',
  'presenterAsked',
  'notPresenterMark',
  'struckHomeMissing',
  'actionOutsideStep',
  'notActionRecorder',
  'feedbackOutsideStep',
  'dueDateInvalid',
  'text.notText',
  'text.empty',
  'text.tooLong',
  'text.nulCharacter',
] as const;

export type RefusalCode =
  | (typeof plainCodes)[number]
  | `controls.${ControlAction}`
  | `presenterOnly.${PresenterAction}`;

/** Every code the rules can give: each has a sentence in the catalogue (the i18n keys test checks). */
export const refusalCodes: readonly RefusalCode[] = [
  ...plainCodes,
  ...controlActions.map((a) => `controls.${a}` as const),
  ...presenterActions.map((a) => `presenterOnly.${a}` as const),
];

export type RefusalParams = Record<string, string | number>;

export interface Refusal {
  code: RefusalCode;
  params?: RefusalParams;
}

export const refuse = (code: RefusalCode, params?: RefusalParams): Refusal =>
  params ? { code, params } : { code };
