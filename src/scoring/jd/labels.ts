import { keyStems } from './terms.ts';

/** A heading that introduces a list rather than naming a skill. */
export const INTRO_CUE = /\b(?:following|includ\w*|such as|should|must|possess\w*|requir\w*|need\w*|looking for)\b/i;

const LEADING_FRAME =
  /^(?:and\s+|(?:(?:practical|theoretical|working)\s+)?(?:application|use|knowledge|understanding|experience)\s+(?:and|&)\s+(?:understanding|knowledge|application|use|experience)\s+(?:of|in|with)\s+|(?:the\s+)?(?:ideal\s+|successful\s+|desirable\s+|selected\s+|potential\s+|prospective\s+)?(?:candidates?|applicants?|you)\s+(?:will|should|must|shall|to)\s+(?:have|possess|demonstrate|show|be)\s+|(?:must|should)\s+(?:have|be|possess|demonstrate)\s+|(?:demonstrate|demonstrated|possess|possesses|have|has|show|bring)\s+|(?:the\s+)?(?:ability|capacity|willingness)\s+to\s+|(?:a\s+)?(?:strong|excellent|good|solid|basic|advanced|demonstrated|proven|effective|substantial|exceptional|outstanding|superior|keen|deep|thorough|sound|working|in-depth|high|great|considerable|extensive|comprehensive|robust|sharp|profound|remarkable|sufficient|adequate|impeccable|sensible|unrelenting|firm)\s+|(?:a\s+)?(?:foundation|grounding|footing)\s+(?:in|with|of)\s+|(?:well-versed|versed|capable|aware|preferably)\s+(?:in|with|of|at)\s+|(?:exhibit|exhibits|display|displays|boasts?)\s+|(?:proficiency|proficient|experience|experienced|knowledge|knowledgeable|understanding|familiarity|familiar|expertise|skilled|competence|competency|competent|capability|efficiency|efficient|effectiveness|conversant|background|talent|adept|versatility|mastery|expert|fluency|fluent|command|grasp|qualification|hands-on experience)\s+(?:in|with|of|at|on|using|to)?\s*|(?:skills?|abilities)\s+(?:in|with|of)\s+|(?:utilizing|using|usage\s+of|use\s+of|configuring|demonstrating|manipulating|leveraging|applying|applies|(?:a\s+)?level\s+of|skill\s*set\s+in|know-how\s+(?:with|in|of)|interest\s+in|work(?:ing)?\s+with|excel\s+in)\s+)/i;

/** `text.replace(/[.;]+$/, '')`, from the end: the pattern is tried at every position. */
function trimClosing(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 59)) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** Removes the words that frame a requirement ("The ideal candidate should have strong ..."). */
export function stripFraming(text: string): string {
  let label = trimClosing(text);
  for (let i = 0; i < 4; i++) {
    const next = label.replace(LEADING_FRAME, '');
    if (next === label) break;
    label = next;
  }
  return label;
}

/**
 * List entries that name no skill: a lone adverb ("efficiently") or connective ("Furthermore, the
 * candidate ..." split at its comma), a lone verb of doing the work
 * ("implementing", "responsible" from "planning, implementing and maintaining ..."), or a phrase
 * about something already named ("its application").
 */
export const NOT_A_SKILL =
  /^(?:\w+(?:ally|ently|antly|ously|ively|ately|fully|ectly|ickly)|furthermore|moreover|also|however|therefore|thus|hence|besides|likewise|meanwhile|nonetheless|nevertheless|overall|lastly|(?:first|second|third)ly|in addition|implement(?:ing)?|maintain(?:ing)?|prepar(?:e|ing)|ensur(?:e|ing)|provid(?:e|ing)|responsible|undertak(?:e|ing)|identify(?:ing)?|conduct(?:ing)?|perform(?:ing)?|execut(?:e|ing)|deliver(?:ing)?|assist(?:ing)?|creat(?:e|ing)|modify(?:ing)?|setting|processes|(?:its|their|his|her|our|your|this|these|those|such)\b.*)$/i;

/** Words in job titles that say nothing about the work: seniority, contract, place, urgency. */
const TITLE_NOISE =
  /\b(?:junior|jr|senior|sr|mid|level|entry|lead|principal|staff|remote|hybrid|onsite|on-site|full[- ]time|part[- ]time|contract|temp|temporary|permanent|urgent|immediate|hiring|needed|wanted|f2f|w2|c2c|downtown|locals?|only|ii|iii|iv)\b/gi;

/** The part of a job title that names the work: "Senior Java Developer (Remote, $90K)" -> "Java Developer". */
export function coreTitle(title: string): string {
  const core = title
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\$[\d,.]+k?(?:\s*-\s*\$?[\d,.]+k?)?/gi, ' ')
    .replace(TITLE_NOISE, ' ')
    .split(/\s[-–—|]\s|,/)[0]
    ?.replace(/\s+/g, ' ')
    .trim();
  return core && keyStems(core).length > 0 ? core : title;
}

export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
