import type { HiddenTextKind } from './types.ts';

/** Elements never shown to a reader. */
const INVISIBLE_ELEMENTS = /<(script|style|noscript|template|head|svg|object|iframe)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Inline styles or attributes that hide an element's text from a human reader. */
const HIDING_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0*(?:\.\d+)?(?:px|pt|em|rem)?\s*(?:;|$)|font-size\s*:\s*0*[01](?:\.\d+)?px|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)|(?:^|;)\s*color\s*:\s*(?:#fff(?:fff)?|white|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\))|(?:left|top|text-indent)\s*:\s*-\d{3,}/i;

const BLOCK_TAGS =
  /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre|dt|dd)\b[^>]*>/gi;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: '\'',
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  bull: '•',
  middot: '·',
};

export interface HtmlText {
  readonly text: string;
  readonly hiddenTextKinds: HiddenTextKind[];
}

/** Plain text of an HTML fragment (Ashby's `descriptionHtml`, an HTML resume). */
export function htmlToText(html: string): string {
  return htmlToTextWithFlags(html).text;
}

export function htmlToTextWithFlags(html: string): HtmlText {
  const kinds = new Set<HiddenTextKind>();
  let s = html.replace(/<!--[\s\S]*?-->/g, '').replace(INVISIBLE_ELEMENTS, '');
  s = removeHiddenElements(s, () => kinds.add('hidden_markup'));
  s = s
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/li\s*>/gi, '')
    .replace(BLOCK_TAGS, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => decodeEntity(m, e));
  const text = s
    .split('\n')
    .map((l) => l.replace(/[ \t\u00A0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, hiddenTextKinds: [...kinds] };
}

/** Drops elements whose style or attributes hide them, with everything inside them. */
function removeHiddenElements(html: string, onHidden: () => void): string {
  const open = /<([a-z][a-z0-9]*)\b([^>]*)>/gi;
  let out = '';
  let pos = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const attrs = m[2] ?? '';
    const style = /style\s*=\s*("[^"]*"|'[^']*')/i.exec(attrs)?.[1] ?? '';
    const hidden = /\s(?:hidden|aria-hidden\s*=\s*["']?true)/i.test(attrs) || HIDING_STYLE.test(style.slice(1, -1));
    if (!hidden || attrs.endsWith('/')) continue;
    const tag = (m[1] ?? '').toLowerCase();
    const end = findClosing(html, tag, open.lastIndex);
    out += html.slice(pos, m.index);
    pos = end;
    open.lastIndex = end;
    onHidden();
  }
  return out + html.slice(pos);
}

function findClosing(html: string, tag: string, from: number): number {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

function decodeEntity(match: string, entity: string): string {
  if (entity.startsWith('#x') || entity.startsWith('#X'))
    return safeCodePoint(Number.parseInt(entity.slice(2), 16), match);
  if (entity.startsWith('#')) return safeCodePoint(Number.parseInt(entity.slice(1), 10), match);
  const name = entity.toLowerCase();
  // Own keys only: "&constructor;" is no entity, whatever Object's prototype holds.
  return Object.hasOwn(ENTITIES, name) ? ENTITIES[name]! : match;
}

function safeCodePoint(n: number, fallback: string): string {
  return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}
