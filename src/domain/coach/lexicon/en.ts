/**
 * English rules and word lists for the question coach.
 *
 * Every pattern runs on the normalised text: lower case, curly apostrophes straightened, contractions
 * typed without an apostrophe restored ("dont" -> "don't"), common typos of the cue words corrected,
 * and one space between tokens, with a space at each end (so ` have you tried ` matches whole words).
 * Punctuation marks are tokens of their own (` ? `, ` , `).
 *
 * Another language adds a module like this one (same `Lexicon` shape) and registers it in
 * ../lexicons.ts; the engine (../classify.ts) has no English in it.
 */
import type { Lexicon } from '../lexicon.ts';

const w = (words: string): string => `(?:${words.trim().split(/\s+/).join('|')})`;

/** Auxiliaries that open a yes/no question when they come first. */
const aux = w(`is are am was were do does did have has had can could will would shall should may might must
  isn't aren't wasn't weren't don't doesn't didn't haven't hasn't hadn't can't couldn't won't wouldn't
  shouldn't mightn't mustn't`);
const negAux = w(`isn't aren't wasn't weren't don't doesn't didn't haven't hasn't hadn't can't couldn't won't
  wouldn't shouldn't`);
const subj = w('you i we he she they it this that there your the my our his her their people anyone someone');
const wh = w(`what what's whats how how's where where's when which who who's whom whose`);
/** Verbs of a suggested action after "have you", "did you", "what if you". */
const adviceVerb = w(`thought considered tried looked talked spoken asked checked explored reached contacted
  approached discussed raised delegated involved told mentioned suggested offered escalated shared consulted
  researched googled`);
/** The same after "did you": base forms. */
const adviceVerbBase = w(`try consider think look talk speak ask check explore reach contact approach discuss
  raise delegate involve tell mention suggest offer escalate share consult research google`);
/** Words that turn a question into a judgement of the person. */
const insult = w(`stupid idiot idiotic ridiculous pathetic whining whine lazy moron dumb useless incompetent
  nonsense absurd selfish careless irresponsible stubborn hopeless clueless overreacting overthinking paranoid
  naive dramatic exaggerating`);

const irregularIng: Record<string, string> = { be: 'being', see: 'seeing', lie: 'lying', die: 'dying' };

/** "delegate it" -> "delegating it"; a phrase already in -ing form is kept. */
function gerund(phrase: string): string {
  const [verb = '', ...rest] = phrase.split(' ');
  if (verb.endsWith('ing') || rest.length > 8) return phrase;
  let ing: string;
  if (irregularIng[verb]) ing = irregularIng[verb];
  else if (/[^e]e$/.test(verb)) ing = `${verb.slice(0, -1)}ing`;
  else if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(verb) && verb.length <= 4) ing = `${verb}${verb.at(-1)}ing`;
  else ing = `${verb}ing`;
  return [ing, ...rest].join(' ');
}

export const en: Lexicon = {
  language: 'en',
  contractions: {
    dont: "don't",
    doesnt: "doesn't",
    didnt: "didn't",
    wont: "won't",
    wouldnt: "wouldn't",
    couldnt: "couldn't",
    shouldnt: "shouldn't",
    isnt: "isn't",
    arent: "aren't",
    wasnt: "wasn't",
    werent: "weren't",
    havent: "haven't",
    hasnt: "hasn't",
    hadnt: "hadn't",
    cant: "can't",
    cannot: "can't",
    whats: "what's",
    hows: "how's",
    whys: "why's",
    wheres: "where's",
    whos: "who's",
    youre: "you're",
    youve: "you've",
    youd: "you'd",
    youll: "you'll",
    im: "i'm",
    ive: "i've",
    thats: "that's",
    theres: "there's",
    u: 'you',
    ur: 'your',
    r: 'are',
    y: 'why',
    wat: 'what',
    wht: 'what',
    hw: 'how',
    abt: 'about',
    coz: 'because',
    cuz: 'because',
    wanna: 'want to',
    gonna: 'going to',
    "do'nt": "don't",
    "could'nt": "couldn't",
    "would'nt": "wouldn't",
    "should'nt": "shouldn't",
    "did'nt": "didn't",
    dint: "didn't",
    whatabout: 'what about',
    howabout: 'how about',
    whatif: 'what if',
    whynot: 'why not',
  },
  /** Cue words whose typos (one letter swapped, dropped, added or changed) are corrected. */
  typoTargets: `what how where when which why would could should have tried thought considered think
    about tell describe explain wonder curious imagine wouldn't couldn't shouldn't didn't don't haven't
    delegating asking talking speaking really thinking possible better honestly seriously understand
    believe anything other example yourself`.split(/\s+/),
  /** Real words that look like a typo of a cue word and must be left alone. */
  knownWords: `that than then them they the there their these those want went were wear here hear her hat
    who whom whose with wheat whet hot bow cow now sow show shop shy thy way wow whey wen hen ten men
    wood good hood wound would could should cold bold gold hold sold told mould shoulder hove hive haven
    tired tried trie dried cried fried pried treid thought though through taught bought sought fought
    about abut bout scout shout tall tale tell tells bell sell well yell dell deli delegate describes
    wander wonder wonders ponder curios carious imagined image really rally reality realty possibly
    better bitter butter batter letter thinks thing things thin think stink thick wink drink world hate gave save wave cave haze half hold hole howl hoe shod shoe`.split(
    /\s+/,
  ),
  /** Openers that only soften what follows: skipped when looking for the question's first word. */
  preamble:
    /^ (?:(?:can i ask you something|just a thought|just wondering|out of curiosity|quick question|one more thing|i'm curious|i am curious|can i ask|may i ask|could i ask|let me ask|i'd like to ask|just to check|to be clear|building on that|following up|so then|and so|i mean|so|ok|okay|and|but|also|well|hmm+|um+|erm|right|now|then|just|honestly|seriously|really|yeah|yes|no|oh|look|listen|sorry|hi|hey|anyway|actually|basically) (?:, |: |- |\. |\.\.\. )?)+/,
  /** The first word(s) of a question typed without a question mark. */
  questionStart: new RegExp(
    `^ (?:what(?! (?:an?|i|you|we|he|she|they|it|there|this|that|your|my|our|his|her|their) )|how(?! (?:i|you|we|he|she|they|it|your|interesting|nice|great|lovely|wonderful|sad|awful|cool|exciting|amazing|kind|brave|funny|strange|odd|weird|true)\\b)|(?:which|who|who's|whom|whose)(?! (?:i|you|we|he|she|they|it|there|your) )|(?:when|where) (?:${aux}|'s)|where's|why|${aux} ${subj}|${aux} (?:anyone|anything|something|everyone|any|all)|any (?:thoughts|ideas|suggestions|other)|anything else|in what|to what|at what|from what|for what|on what|with whom|in which|(?:if|when|given) [^?]* (?:what|how|which|where|who) (?:would|could|will|might|do|does|is|are|can|should) )\\b`,
  ),
  /** A new direct question starting inside a part, after ", " or " and ": "..., how would you ...". */
  innerQuestionStart: new RegExp(
    ` (?:,|and|but|;|-) (?:so |then |also |and )?(?:(?:what's|how's|where's|who's|why's) |(?:what|whats|how|who|whom|which|whose) (?!(?:i|you|we|he|she|they|it|that|this|there|to|a|an|the|and|or) )[a-z']+|(?:when|where|why) (?:${aux}|'s) |${aux} (?:you|i|we|he|she|they|it|there|this|that) [a-z']+ )`,
  ),
  /** Follow-ups that do not make a second question: "..., or not?", "right?". */
  tagOnly:
    /^ (?:or not|or what|or|right|yes|no|ok|okay|correct|true|is that right|isn't it|you know|eh|hmm) \? $/,
  /** Parts that only soften or address ("Can I ask?", "Quick question?") and are not questions themselves. */
  permissionOnly:
    /^ (?:can|may|could) i (?:ask|ask you something|ask a question|be honest|be blunt|challenge you) \? $/,
  whStart: new RegExp(
    `^ (?:(?:and|so|but|then) )?(?:${wh}|in what|to what|at what|on what|in which)\\b(?! about| if)`,
  ),
  rules: [
    // ---- JUDGEMENTAL_WHY: blame, contempt, rhetorical questions (with or without "why") -------------
    { id: 'judge-insult', label: 'JUDGEMENTAL_WHY', confidence: 0.9, re: new RegExp(` ${insult} `) },
    {
      id: 'judge-rhetorical',
      label: 'JUDGEMENTAL_WHY',
      confidence: 0.9,
      re: / (?:what (?:on earth |the hell )?were you thinking|what(?:'s| is) (?:wrong|the matter) with (?:you|your)|how (?:could|can|dare) you (?:not |possibly |even |let |do |say |think |forget |miss )|how did you (?:not |possibly |even |let |manage to (?:miss|forget|lose) )|how hard (?:can|could|is) it|(?:can't|couldn't) you (?:ever )?(?:do|get) (?:anything|something|it|one thing) right|in (?:your|their|his|her) right mind|who(?:'s| is| was) to blame|whose fault|who knew|have you stopped|what makes you think (?:i|that i|you can|you could|you're|you are|this|that)|ever done for|just (?:a |an )?cop(?: |-)?out|isn't (?:that|this|it) (?:just|a bit|rather|really|simply) |(?:you've|you have) been [a-z]+ing [a-z' ]*for (?:weeks|months|ages|years|so long)|shut up|what did you expect|who do you think you are|are you (?:kidding|serious|joking|mad|crazy)|the best you can do|do(?:n't)? you (?:even )?care|did you even|do you even|you (?:always|never) |you're (?:always|never) |you are (?:always|never) |(?:you've|you have|you have been|have you) been (?:missing|failing|ignoring|avoiding|neglecting|late|slacking)|how many times (?:do|have|must) i|we pay you how much|is that (?:really )?(?:all|the best)|what have you (?:even |actually )?been doing|(?:are|were) you (?:really|seriously|honestly|actually) (?:going|trying|thinking|saying|telling|that|so|still|planning)|are you trying to (?:tell|establish|make|say)|wouldn't you rather|how come you (?:didn't|never|haven't|did|don't|always|couldn't|can't) |(?:think|thought|thinking) (?:that |this |it )?(?:was|would be|is) a good idea|do you (?:really|honestly|seriously|actually) (?:think|believe|expect|want)|is (?:it|that|this) really (?:that|so) |your stupidity|throw away your|what were they thinking|can you not remember|how can you not|establish your)/,
    },
    {
      id: 'why-open',
      label: 'OPEN',
      confidence: 0.75,
      re: /^ (?:and |so |but )?why (?:do|does) (?:you|we|they|people) (?:think|believe|feel|want|care|suppose)|^ (?:and |so |but )?why (?:is|does|would) (?:this|that|it) (?:be )?(?:important|matter|an issue|a problem for you|significant|interesting|so important|meaningful|feel)|^ (?:and |so |but )?why (?:is|are) (?:this|that|these|those) (?:the|a|an) (?:question|right|best)|^ (?:and |so |but )?why should (?:we|i|they|anyone|someone|people|the) |^ (?:so |and )?why don't you (?:tell|say|talk|walk|describe|share) (?:me|us|more|a bit|a little)|^ (?:and |so |but )?why (?:is|are|was|were|does|do) [a-z' ]{0,40}(?:important|matter|matters|significant|meaningful|valuable|exciting|interesting|appealing|attractive) |^ why now |^ why is that \?|^ why \? $| and why \? $/,
    },
    {
      id: 'why-advice',
      label: 'ADVICE_LEADING',
      confidence: 0.9,
      re: /(?:^| , | and | but | so ) ?why (?:don't|doesn't|not|do not|don't we|not just) /,
    },
    {
      id: 'why-blame',
      label: 'JUDGEMENTAL_WHY',
      confidence: 0.9,
      re: /(?:^|[,;.] | and | but | so | then ) ?why (?:on earth |the hell )?(?:did|didn't|would|wouldn't|could|couldn't|can't|haven't|hasn't|hadn't|weren't|wasn't|aren't|isn't|won't|do you always|do you never|do you keep|are you (?:so|always|being|still|late|never)|were you|was (?:the|this|that|it)|did(?:n't)? (?:they|he|she|we)|is (?:he|she|it|this|that) (?:so|always|still)|would anyone|would you|you) /,
    },
    { id: 'why-other', label: 'JUDGEMENTAL_WHY', confidence: 0.65, re: /^ why / },
    // ---- ADVICE_LEADING: a suggestion, a solution or the asker's own answer in question form ---------
    {
      id: 'advice-have-you',
      skipIfWh: true,
      label: 'ADVICE_LEADING',
      confidence: 0.9,
      re: new RegExp(
        ` (?:(?:have|had|haven't) you (?:ever |not |already |maybe |perhaps |actually )?(?:${adviceVerb})|(?:did|didn't) you (?:ever |not |maybe |perhaps |actually )?(?:${adviceVerbBase})) (?!anything|everything)`,
      ),
    },
    {
      id: 'advice-what-about',
      label: 'ADVICE_LEADING',
      confidence: 0.85,
      re: / (?:what|how) about (?!you \?|yourself|your (?:other|own|feelings|side|needs)|you\b(?! [a-z]+ing\b))(?:[a-z']+)/,
    },
    {
      id: 'advice-what-if',
      label: 'ADVICE_LEADING',
      confidence: 0.85,
      re: / what if (?:you|we|i|they) (?:just |simply |were to |tried |try |asked |ask |talked |talk |told |tell |went |go |started |start |stopped |stop |did |do |called |call |made |make |gave |give |took |take |let |delegated |delegate |moved |move |hired |hire |dropped |drop |said |say |put |chalked |waited |wait |wrote |write |emailed |email |involved |involve |used |use |set |skipped |skip |quit |left |leave |offered |offer |spoke |speak |changed |change |looked |look |focused |focus |cut |ignored |ignore )/,
    },
    {
      id: 'advice-modal',
      skipIfWh: true,
      label: 'ADVICE_LEADING',
      confidence: 0.85,
      re: /(?: shouldn't| should) (?:you|we|he|she|they) (?:not |just |maybe |perhaps |at least |first )|^ (?:shouldn't|ought) {2}| (?:wouldn't|would|isn't|won't|might|could|may|mightn't|couldn't) (?:it|that|this) (?:be |make |help |work |save )(?:better|easier|wiser|best|simpler|good|great|a good|an idea|worth|smarter|more|less|quicker|faster|helpful|sensible|kinder|fairer|it|things|you|sense|time)| would it help (?:to|if)| (?:could|can|couldn't|can't|would|wouldn't|won't) you (?:not |just |simply |maybe |perhaps |possibly |try |consider |delegate |ask |tell |talk |speak |hand |give |say |get |go |call |email |push |let |take |make |set |start |stop |drop |move )(?!(?:.* )?(?:example|more|me|us) )| is it possible (?:that )?(?:you|he|she|they|it|this|the|your|we) | (?:don't you|do you not) (?:think|agree|feel)\b|(?:wouldn't|don't) you (?:agree|say)\b| would you not agree| (?:aren't|are|won't|will) you (?:not )?(?:going to|gonna) (?:just )?[a-z]+ (?:directly |straight |to |with |them|him|her)| shall (?:we|i) | would you (?:like to|be willing to|be open to|consider) (?:try|consider|ask|talk to|delegate|speak|take|give|hand|go|let|use|look|set|change)| (?:can|may|could|might) i suggest | is there any way (?:you|we) (?:could|can|might) |^ (?:ever |have you ever )?(?:thought|considered|tried) (?:about |of )?[a-z]+|^ (?:maybe|perhaps|possibly) [a-z' ].* \? $|^ surely | (?:maybe|perhaps) (?:you|we) (?:could|should|might|can|need) |^ (?:so |and |but |then |maybe |perhaps |i think |i guess |or )*you (?:should|could|might|need to|ought to|must|might want to|may want to|could always|could just) [a-z].* \? $| i wonder (?:if|whether) (?:you|we) (?:could|should|might|can|ought) |^ (?:do|does) (?:you|he|she|they) need (?:a|an|some) (?:better|new|different|stronger|proper)| do you think (?:that )?(?:it|that|this|we|maybe|perhaps) (?:would|might|could|will|should) |^ do you think (?:that )?(?:[a-z']+ ){1,6}(?:would|might|could|will) (?:help|work|make a difference|be (?:better|easier|useful|helpful|worth|a good))| do you think .*(?: because .* or | or .* because )| isn't it time | is there any (?:reason|way) (?:you|why you) (?:can't|couldn't|wouldn't|don't|didn't) /,
    },
    {
      id: 'advice-wh-suggestion',
      label: 'ADVICE_LEADING',
      confidence: 0.8,
      re: /^ (?:(?:and|so|but) )?(?:what (?:do|would) you (?:think|say) (?:about|of|to) (?:the idea of |maybe |just )?[a-z]+ing|how would you feel about (?:maybe |just )?(?:trying|asking|talking|telling|going|taking|giving|having|getting|moving|leaving|letting|delegating|speaking|starting|stopping|using|doing)|what (?:would|might|could) happen if you (?:just|simply) )\b/,
    },
    {
      id: 'advice-when-going',
      label: 'ADVICE_LEADING',
      confidence: 0.75,
      re: /^ (?:so )?when are you going to /,
    },
    {
      id: 'advice-tag',
      skipIfWh: true,
      label: 'ADVICE_LEADING',
      confidence: 0.8,
      re: / [a-z].* , (?:right|correct|yes|no|isn't it|aren't you|weren't you|didn't you|don't you|won't you|wasn't it|isn't that right|am i right|wouldn't you|shouldn't you|couldn't you|haven't you|didn't they|don't they) \? $/,
    },
    {
      id: 'advice-negative-aux',
      skipIfWh: true,
      label: 'ADVICE_LEADING',
      confidence: 0.75,
      re: new RegExp(`^ ${negAux} (?:${subj}|that|there) `),
    },
    // ---- OPEN: what/how questions, invitations and indirect requests --------------------------------
    {
      id: 'closed-quantity',
      label: 'CLOSED',
      confidence: 0.75,
      re: /^ (?:how (?:many|long|old|often|far)|what time|how much (?:is|was|does|did|will|would|money|revenue|time|budget|do you (?:earn|pay|charge))|what (?:day|date|year) (?:is|was|did))\b/,
    },
    {
      id: 'open-invitation',
      label: 'OPEN',
      confidence: 0.9,
      re: /^ (?:please )?(?:tell (?:me|us)|describe|explain|talk (?:me|us) through|walk (?:me|us) through|say (?:a bit |a little )?more|help (?:me|us) understand|give (?:me|us) an example|share (?:with us |more )?|picture |imagine |draw (?:me|us) |paint (?:me |us )?a picture|think (?:about|of|back)|let's (?:explore|hear|look at what|unpack)|unpack |expand on|elaborate|go on|keep going|say (?:it )?again|rephrase|put (?:that|it) another way|describe )/,
    },
    {
      id: 'open-indirect',
      label: 'OPEN',
      confidence: 0.9,
      re: /^ (?:can|could|would|will) you (?:please |perhaps |maybe |possibly )?(?:tell|describe|explain|say (?:a bit |a little )?more|talk (?:me|us) through|walk (?:me|us) through|help (?:me|us) understand|give (?:me|us) (?:an|a|some) (?:example|instance|sense|picture)|share|expand|elaborate|unpack|rephrase|clarify|put (?:that|it) another way|paint|describe|give an example|say what|say how|say why|be more specific|spell out|summari[sz]e)|^ (?:would|will) you be (?:willing|able) to (?:share|say|tell|describe|explain)|^ (?:i'd|i would|i) (?:like|love|want) to (?:hear|know|understand|listen|learn)|^ (?:i'm|i am) (?:curious|interested|wondering) (?:about|what|how|where|when|which|who|why|whether|if)|^ (?:i wonder|i'm wondering|i was wondering|wondering) (?:what|how|where|when|which|who)|^ (?:i'd be|i would be) (?:interested|curious) (?:to|in)|^ any (?:thoughts|ideas|suggestions)|^ on a scale |^ (?:would|do|will) you (?:like|want|care) to (?:tell|say|share|talk about|describe|explain|expand|elaborate|walk|add)|^ (?:can|could) you think (?:of|back|about) /,
    },
    {
      id: 'open-wh',
      label: 'OPEN',
      confidence: 0.85,
      re: new RegExp(
        `^ (?:(?:and|so|but|then|now|if .* ,|given .* ,|when .* ,|looking back ,|thinking about .* ,) )?(?:${wh}|in what|to what|at what|from what|for what|on what|with whom|in which|how else|what else|and what else)\\b|^ (?:if|when|given|thinking about|looking back|knowing) [^?]* (?:what|how|which|where|who) (?:would|could|will|might|do|does|did|is|are|was|were|can|should|else) `,
      ),
    },
    // ---- CLOSED: yes/no and either/or questions -------------------------------------------------------
    { id: 'closed-aux', label: 'CLOSED', confidence: 0.85, re: new RegExp(`^ (?:${aux}) `) },
    { id: 'closed-any', label: 'CLOSED', confidence: 0.6, re: /^ (?:anything|anyone|any|everything|all) / },
  ],
  /** Advice as a statement, with or without a question after it ("You should talk to her. Thoughts?"). */
  adviceStatement:
    /^ (?:(?:i think|maybe|perhaps|honestly|personally|in my experience|if i were you|if i was you|my advice is|i'd|i would|the answer is|what you need is) ,? )*(?:you (?:should|need to|must|could|ought to|have to|might want to|may want to|'d better|had better|could always)|just |try |don't |stop |make sure|let's |i would |i'd |if i were you|if i was you|my advice|what you need)/,
  /** Short follow-ups that ask for agreement with the statement before them. */
  agreementAsk:
    /^ (?:what do you think|how does that sound|thoughts|does that make sense|would that work|could that work|wouldn't that help|no|right|yes|ok|okay|agree|make sense|what about that|how about that) \? $/,
  rewrite: {
    advicePhrase:
      / (?:have you (?:ever )?(?:thought (?:about|of)|considered|tried)|did you (?:try|consider|think (?:about|of))|what about|how about|why (?:don't|not) you(?: just)?|why not(?: just)?|could(?:n't)? you(?: not)?|can't you|shouldn't you(?: just)?|what if you(?: just)?|wouldn't it be (?:better|easier|good|a good idea) to|would it help to|is it possible (?:that )?you(?: could| might| should)?|don't you think (?:you should|you could|that|it would be better to)?)(?: just| simply)? ([a-z' -]+?) ?(?:\?|$)/,
    notAnAction: /^(?:it|that|this|are|is|was|were|am|be|have|has|had|feel|think|know|want|need)\b/,
    blameNotDone:
      /\bwhy (?:didn't|did not|haven't|hadn't|couldn't|wouldn't|weren't|wasn't|can't) you ([a-z' -]+)/,
    blameDone: /\bwhy (?:did|would|do) you ([a-z' -]+)/,
    closedTopic:
      /\b(?:about|with|of|on) ((?:the|your|this|that|these|those|my|our|his|her|their) [a-z' -]+?) ?\??\s*$/,
    verbal: gerund,
  },
};
