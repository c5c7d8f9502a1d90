import type { Severity } from '../../domain/record.ts';
import type { SessionUser } from '../../review/review-store.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatAmount, formatDateTime, SEVERITY_WORD } from '../words.ts';

export interface PageOptions {
  title: string;
  user: SessionUser | null;
  /** The current path, to mark the navigation link. */
  path?: string;
  notice?: { kind: 'success' | 'danger' | 'info'; text: string } | null;
}

const NAV: Array<{ href: string; label: string; admin?: boolean }> = [
  { href: '/queue', label: 'Arbeidskø' },
  { href: '/cases', label: 'Alle innsendinger' },
  { href: '/upload', label: 'Last opp' },
  { href: '/summary', label: 'Oversikt' },
  { href: '/admin/users', label: 'Brukere', admin: true },
  { href: '/admin/audit', label: 'Revisjonslogg', admin: true },
  { href: '/admin/queues', label: 'Køer', admin: true },
];

/** The page frame: landmarks, skip link, navigation, the signed-in user and a sign-out form. */
export function layout(options: PageOptions, body: SafeHtml): string {
  const { user } = options;
  const nav = user
    ? html`<nav aria-label="Hovedmeny" class="app-nav">
        <ul class="ds-list--unstyled app-nav-list">
          ${NAV.filter((n) => !n.admin || user.role === 'admin').map(
            (n) =>
              html`<li>
                <a
                  class="ds-link"
                  href="${n.href}"
                  ${options.path === n.href ? html`aria-current="page"` : ''}
                  >${n.label}</a
                >
              </li>`,
          )}
        </ul>
        <form method="post" action="/logout" class="app-signout">
          <input type="hidden" name="_csrf" value="${user.csrfToken}" />
          <span
            >Innlogget som
            <strong>${user.displayName}</strong>
            (${user.role === 'admin' ? 'administrator' : 'saksbehandler'})</span
          >
          <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit">Logg ut</button>
          <button
            class="ds-button"
            data-variant="tertiary"
            data-size="sm"
            type="submit"
            formaction="/logout/everywhere"
          >
            Logg ut overalt
          </button>
        </form>
      </nav>`
    : '';
  const notice = options.notice
    ? html`<div
        class="ds-alert"
        data-color="${options.notice.kind}"
        role="${options.notice.kind === 'danger' ? 'alert' : 'status'}"
      >
        <p class="ds-paragraph">${options.notice.text}</p>
      </div>`
    : '';
  return `<!doctype html>${html`<html lang="nb" data-color-scheme="light">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${options.title} – Intake</title>
      <!-- No icon of its own: an empty one keeps the browser from asking for /favicon.ico (a 404). -->
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href="/assets/designsystemet-theme.css" />
      <link rel="stylesheet" href="/assets/designsystemet.css" />
      <link rel="stylesheet" href="/assets/app.css" />
      <script src="/assets/app.js" defer></script>
    </head>
    <body data-color="accent">
      <a class="ds-skip-link" href="#main">Hopp til hovedinnhold</a>
      <header class="app-header">
        <p class="app-title"><a class="ds-link" href="/queue">Intake – tilskuddskontroll</a></p>
        ${nav}
      </header>
      <main id="main" tabindex="-1" class="app-main">${notice}${body}</main>
      <footer class="app-footer">
        <p class="ds-paragraph" data-size="sm">Statsforvalteren, helseavdelingen</p>
      </footer>
    </body>
  </html>`}`;
}

/** Kept for importers of the layout; the words themselves live in words.ts. */
export const SEVERITY_LABEL: Record<Severity, string> = SEVERITY_WORD;
export const SEVERITY_COLOR: Record<Severity, string> = { error: 'danger', warning: 'warning', info: 'info' };

export const severityTag = (severity: Severity): SafeHtml =>
  html`<span class="ds-tag" data-color="${SEVERITY_COLOR[severity]}">${SEVERITY_LABEL[severity]}</span>`;

/** Aliases of words.ts, so pages that import them from the layout keep one format. */
export const kroner = formatAmount;
export { formatDateTime };
