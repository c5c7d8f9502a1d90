import type { SessionUser, User } from '../../review/review-store.ts';
import { html } from '../html.ts';
import { countWord } from '../words.ts';
import { layout, type PageOptions } from './layout.ts';

export function usersPage(
  user: SessionUser,
  users: Array<User & { active: boolean }>,
  notice: PageOptions['notice'] = null,
): string {
  return layout(
    { title: 'Brukere', user, path: '/admin/users', notice },
    html`<h1 class="ds-heading" data-size="lg">Brukere</h1>
      <p class="ds-paragraph">
        ${countWord(users.length, 'bruker', 'brukere')},
        ${countWord(users.filter((u) => u.active).length, 'aktiv', 'aktive')}.
      </p>
      <table class="ds-table" data-border>
        <thead>
          <tr>
            <th scope="col">Brukernavn</th>
            <th scope="col">Navn</th>
            <th scope="col">Rolle</th>
            <th scope="col">Tilgang</th>
          </tr>
        </thead>
        <tbody>
          ${users.map(
            (u) =>
              html`<tr>
                <td>${u.username}</td>
                <td>${u.displayName}</td>
                <td>${u.role === 'admin' ? 'administrator' : 'saksbehandler'}</td>
                <td>
                  ${
                    !u.active
                      ? 'deaktivert'
                      : u.id === user.id
                        ? 'aktiv (deg)'
                        : html`<form
                            method="post"
                            action="/admin/users/${u.username}/deactivate"
                            class="app-inline"
                          >
                            <input type="hidden" name="_csrf" value="${user.csrfToken}" />
                            <label class="ds-label" for="deact-${u.id}">Begrunnelse</label>
                            <input class="ds-input" id="deact-${u.id}" name="reason" required />
                            <button class="ds-button" data-variant="secondary" data-size="sm" type="submit">
                              Deaktiver<span class="ds-sr-only"> ${u.username}</span>
                            </button>
                          </form>`
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <h2 class="ds-heading" data-size="md">Ny bruker, eller nytt passord eller ny rolle</h2>
      <p class="ds-paragraph">
        Et nytt passord eller en ny rolle logger brukeren ut overalt. En bruker du oppretter eller gir
        passord, kan aldri godkjenne avgjørelser du har tatt (fireøyneprinsippet).
      </p>
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
        <button class="ds-button" data-variant="primary" type="submit">Lagre bruker</button>
      </form>`,
  );
}
