import { html } from '../html.ts';
import { layout } from './layout.ts';

/** The sign-in form; `csrf` is the double-submit token also set as a cookie. */
export function loginPage(csrf: string, next: string, error: string | null): string {
  return layout(
    { title: 'Logg inn', user: null, notice: error ? { kind: 'danger', text: error } : null },
    html`<h1 class="ds-heading" data-size="lg">Logg inn</h1>
      <form method="post" action="/login" class="app-form app-narrow">
        <input type="hidden" name="_csrf" value="${csrf}" />
        <input type="hidden" name="next" value="${next}" />
        <div class="ds-field">
          <label class="ds-label" for="username">Brukernavn</label>
          <input class="ds-input" id="username" name="username" autocomplete="username" required autofocus />
        </div>
        <div class="ds-field">
          <label class="ds-label" for="password">Passord</label>
          <input
            class="ds-input"
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
        </div>
        <button class="ds-button" data-variant="primary" type="submit">Logg inn</button>
      </form>`,
  );
}
