import { html, type Html } from '../html.ts';
import { layout } from './layout.ts';

/** How to get a working link, said on every page that cannot show a shortlist. */
export const NEW_LINK_HELP = html`<p>To get a new link, open the shortlist from Skima in Slack or Microsoft Teams,
or ask your recruiter to send you one (<code>skima links create</code>).</p>`;

/** A plain page: a heading, what happened, what to do. Nothing about any job or candidate. */
export function plainPage(title: string, message: string, help: Html | null = NEW_LINK_HELP): string {
  return layout(
    `${title} - Skima`,
    html`<main id="main" class="plain">
<p class="brand">Skima</p>
<h1>${title}</h1>
<p>${message}</p>
${help}
</main>`,
  ).value;
}

export const linkPages = {
  unknown: () =>
    plainPage('This link does not work', 'This shortlist link is not valid. It may have been mistyped or withdrawn.'),
  revoked: () =>
    plainPage('This link does not work', 'This shortlist link is not valid. It may have been mistyped or withdrawn.'),
  expired: () => plainPage('This link has expired', 'Shortlist links work for a limited time, and this one has run out.'),
  tooMany: (retryAfterS: number) =>
    plainPage(
      'Too many requests',
      `Please wait ${retryAfterS} second${retryAfterS === 1 ? '' : 's'} and try again.`,
      null,
    ),
  forbidden: () =>
    plainPage(
      'This form has expired',
      'Your decision was not saved: the form was not sent from your shortlist page. Go back, reload the page and try again.',
      null,
    ),
  viewOnly: () =>
    plainPage(
      'This link is view only',
      'Your decision was not saved: this link is shared by the hiring team and cannot record decisions.',
    ),
  unknownCandidate: () =>
    plainPage('Candidate not found', 'This candidate is not on this shortlist any more. Go back and reload the page.', null),
  requirementsNotSaved: (why: string) => plainPage('The requirements were not saved', `${why}`, null),
  badRequest: () => plainPage('Something was missing', 'Your decision was not saved. Go back, reload the page and try again.', null),
};
