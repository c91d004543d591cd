/**
 * Personal qualities ("Excellent written and verbal communication skills", "Attention to detail",
 * "Patience and persistence", "Ability to work under pressure"): a resume can only claim them, so a
 * recruiter judges them at interview. Counting them as must-haves would rank a candidate by whether
 * the resume happens to repeat the words, and list "missing: Attention to detail" on a card.
 */

/** Two-word qualities, joined before the words are checked one by one. */
const QUALITY_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\btime[- ]management\b/g, 'timemanagement'],
  [/\battention\s+to\s+details?\b/g, 'attentiontodetail'],
  [/\bdetail[- ]oriented\b/g, 'detailoriented'],
  [/\bproblem[- ]solv(?:ing|er)\b/g, 'problemsolving'],
  [/\bdecision[- ]making\b/g, 'decisionmaking'],
  [/\bcritical(?:ly)?\s+think(?:ing|er)?\b/g, 'criticalthinking'],
  [/\b(?:work|working|perform|performing|thrive|thriving)\s+(?:well\s+)?under\s+(?:high\s+)?pressure\b/g, 'underpressure'],
  [/\bfast[- ]paced\s+environments?\b/g, 'fastpaced'],
  [/\bteam\s+player\b/g, 'teamplayer'],
  [/\bwork\s+ethic\b/g, 'workethic'],
  [/\bself[- ](?:motivated|starter|driven|directed)\b/g, 'selfmotivated'],
  [/\bpeople\s+skills\b/g, 'peopleskills'],
  [/\bcan[- ]do\s+attitude\b/g, 'attitude'],
  [/\bsense\s+of\s+(?:humou?r|urgency|responsibility)\b/g, 'senseof'],
  [/\bphysical\s+(?:stamina|strength|fitness)\b/g, 'stamina'],
];

const QUALITIES = new Set(
  (
    'communication communications communicator communicative interpersonal patience patient persistence persistent '
    + 'compassion compassionate empathy empathetic empathic attentive meticulous thorough diligent diligence analytical '
    + 'analytically resourceful resourcefully creative creativity curious curiosity adaptable adaptability flexible '
    + 'flexibility reliable reliability dependable dependability punctual punctuality integrity honesty honest '
    + 'enthusiasm enthusiastic passion passionate motivated motivation proactive proactiveness proactivity initiative '
    + 'organized organised organizational organisational multitasking multitask multi-tasking teamwork collaborative '
    + 'collaboration cooperative friendly positive courteous professionalism calm composure resilient resilience '
    + 'stamina strength energetic energy independent independently accountable accountability discipline '
    + 'disciplined dedication dedicated committed commitment '
    + 'timemanagement attentiontodetail detailoriented problemsolving decisionmaking criticalthinking underpressure '
    + 'fastpaced teamplayer workethic selfmotivated peopleskills attitude senseof think'
  ).split(' '),
);

/** Words that qualify a quality without naming anything else. */
const QUALIFIERS = new Set(
  (
    'excellent strong good great superb outstanding exceptional proven demonstrated solid effective effectively '
    + 'highly very keen sharp high level sound clear and or & with of the a an in on at be to both as well '
    + 'verbal written oral skills skill ability abilities able capability capabilities capable qualities quality '
    + 'nature mindset spirit sense aptitude efficient efficiently excellence responsible approach strong-willed '
    + 'personal superior remarkable impeccable unrelenting exemplary immense tremendous'
  ).split(' '),
);

/** Words of QUALITY_PHRASES: with the two sets above, all a quality's wording is made of. */
const PHRASE_WORDS = new Set(
  (
    'time management attention to details detail oriented problem solving solver decision making critical critically '
    + 'think thinking thinker work working perform performing thrive thriving well under high pressure fast paced '
    + 'environment environments team player ethic self motivated starter driven directed people skills can do attitude '
    + 'sense of humor humour urgency responsibility physical stamina strength fitness'
  ).split(' '),
);
/** Every word of the three sets, hyphenated ones split ("multi-tasking", "strong-willed"). */
const QUALITY_WORDS = new Set([...QUALITIES, ...QUALIFIERS, ...PHRASE_WORDS].flatMap((w) => w.split('-')));

const TOWARDS = /\s+towards?\s[\s\S]*$/;

/** Whether a requirement's words name personal qualities and nothing a resume could show done. */
export function isPersonalQuality(text: string): boolean {
  // Whom a quality is shown to ("compassionate towards patients") names no skill of its own.
  let lower = text.toLowerCase().replace(TOWARDS, '');
  // Most requirements name a skill: one word no quality uses answers before the phrases are joined.
  for (const w of lower.split(/[^a-z&]+/)) if (w.length > 0 && !QUALITY_WORDS.has(w)) return false;
  for (const [re, joined] of QUALITY_PHRASES) lower = lower.replace(re, joined);
  const words = lower.split(/[^a-z&-]+/).filter((w) => w.length > 0);
  let qualities = 0;
  for (const w of words) {
    if (QUALITIES.has(w)) qualities += 1;
    else if (!QUALIFIERS.has(w)) return false;
  }
  return qualities > 0;
}
