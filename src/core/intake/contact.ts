/** Who a resume says it is: enough to find the person in Ashby, or to create them. */
export interface ResumeContact {
  name: string | null;
  email: string | null;
  phone: string | null;
  /** A LinkedIn or GitHub profile URL, normalised (https, no trailing slash, lower case). */
  profileUrl: string | null;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
const PHONE = /(?<![\p{L}\p{N}])\+?\(?\d[\d \t().-]{7,}\d(?![\p{L}\p{N}])/gu;
const YEAR_RANGE = /(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}/;
const PROFILE = /\b(?:https?:\/\/)?(?:www\.)?((?:linkedin\.com\/in|github\.com)\/[A-Za-z0-9_-]+)/i;
const NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;

export function normaliseProfileUrl(url: string): string | null {
  const m = PROFILE.exec(url);
  return m ? `https://www.${m[1]!.toLowerCase().replace(/^www\./, '')}` : null;
}

/** The phone's digits: "+1 (303) 555-0100" and "303.555.0100" are compared by their last ten. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '').slice(-10);
}

/** The name (the first line that looks like one), the first email, phone and profile URL of a resume. */
export function resumeContact(text: string): ResumeContact {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const name = lines.slice(0, 5).find((l) => NAME.test(l)) ?? null;
  let phone: string | null = null;
  for (const m of text.matchAll(PHONE)) {
    if (m[0].replace(/\D/g, '').length >= 9 && !YEAR_RANGE.test(m[0])) {
      phone = m[0].trim();
      break;
    }
  }
  return {
    name,
    email: EMAIL.exec(text)?.[0].toLowerCase() ?? null,
    phone,
    profileUrl: normaliseProfileUrl(text),
  };
}
