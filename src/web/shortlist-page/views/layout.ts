import { html, type Html } from '../html.ts';

export const STYLESHEET_PATH = '/assets/shortlist.css';
export const ICON_PATH = '/assets/skima.svg';

/** The document around every page: language, viewport, its stylesheet (the shortlist's by default), a skip link. */
export function layout(title: string, body: Html, stylesheet = STYLESHEET_PATH, head: Html | '' = ''): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<link rel="stylesheet" href="${stylesheet}">
<link rel="icon" href="${ICON_PATH}" type="image/svg+xml">
${head}</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${body}
</body>
</html>`;
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

export function date(d: Date): Html {
  return html`<time datetime="${d.toISOString()}">${DATE.format(d)}</time>`;
}

export function dateTime(d: Date): Html {
  return html`<time datetime="${d.toISOString()}">${DATE_TIME.format(d)} UTC</time>`;
}
