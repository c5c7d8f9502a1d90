import type { SessionUser } from '../../review/review-store.ts';
import { html } from '../html.ts';
import { fieldName } from './fields-form.ts';
import { layout } from './layout.ts';

/**
 * Asked before a correction that removes the case's last open finding is saved: the case then has
 * nothing left to decide and becomes ready to finish, which the reviewer should mean to happen.
 */
export function confirmCorrectionPage(
  user: SessionUser,
  submissionId: string,
  title: string,
  correction: { field: string; value: string; reason: string },
): string {
  const base = `/submissions/${submissionId}`;
  return layout(
    { title: 'Bekreft rettingen', user },
    html`<h1 class="ds-heading" data-size="lg">Bekreft rettingen</h1>
      <div class="ds-alert" data-color="warning">
        <p class="ds-paragraph">
          Rettingen av ${fieldName(correction.field)} i saken «${title}» til «${correction.value}» fjerner det
          siste åpne funnet. Saken blir da klar til ferdigstilling.
        </p>
      </div>
      <form method="post" action="${base}/fields" class="app-form">
        <input type="hidden" name="_csrf" value="${user.csrfToken}" />
        <input type="hidden" name="field" value="${correction.field}" />
        <input type="hidden" name="value" value="${correction.value}" />
        <input type="hidden" name="reason" value="${correction.reason}" />
        <input type="hidden" name="confirm" value="yes" />
        <button class="ds-button" data-variant="primary" type="submit">Ja, lagre rettingen</button>
        <a class="ds-link" href="${base}">Avbryt og gå tilbake til saken</a>
      </form>`,
  );
}
