import type { SessionUser, User } from '../../review/review-store.ts';
import { html } from '../html.ts';
import { layout, type PageOptions } from './layout.ts';

export function usersPage(user: SessionUser, users: User[], notice: PageOptions['notice'] = null): string {
  return layout(
    { title: 'Brukere', user, path: '/admin/users', notice },
    html`<h1 class="ds-heading" data-size="lg">Brukere</h1>
      <table class="ds-table" data-border>
        <thead>
          <tr>
            <th scope="col">Brukernavn</th>
            <th scope="col">Navn</th>
            <th scope="col">Rolle</th>
          </tr>
        </thead>
        <tbody>
          ${users.map(
            (u) =>
              html`<tr>
                <td>${u.username}</td>
                <td>${u.displayName}</td>
                <td>${u.role === 'admin' ? 'administrator' : 'saksbehandler'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <h2 class="ds-heading" data-size="md">Ny bruker</h2>
      <form method="post" action="/admin/users" class="app-form app-narrow">
        <input type="hidden" name="_csrf" value="${user.csrfToken}" />
        <div class="ds-field">
          <label class="ds-label" for="u-name">Brukernavn</label
          ><input class="ds-input" id="u-name" name="username" required />
        </div>
        <div class="ds-field">
          <label class="ds-label" for="u-display">Fullt navn</label
          ><input class="ds-input" id="u-display" name="displayName" required />
        </div>
        <div class="ds-field">
          <label class="ds-label" for="u-password">Passord (minst 12 tegn)</label
          ><input
            class="ds-input"
            id="u-password"
            name="password"
            type="password"
            autocomplete="new-password"
            minlength="12"
            required
          />
        </div>
        <div class="ds-field">
          <label class="ds-label" for="u-role">Rolle</label>
          <select class="ds-input" id="u-role" name="role">
            <option value="reviewer">saksbehandler</option>
            <option value="admin">administrator</option>
          </select>
        </div>
        <button class="ds-button" data-variant="primary" type="submit">Opprett bruker</button>
      </form>`,
  );
}
