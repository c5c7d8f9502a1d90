import { describe, expect, it } from 'vitest';
import { errorPage, wantsPage } from '../../src/web/pages/error-page.ts';
import { fieldErrorOf, fieldErrorQuery } from '../../src/web/pages/fields-form.ts';
import { DASHBOARD_WORDS_NB, layMessages } from '../../src/web/queue-dashboard-words.ts';
import { inNorwegianFrame } from '../../src/web/queue-dashboard.ts';

const request = (url: string, accept?: string) => ({ url, headers: accept ? { accept } : {} });
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('error pages for a browser, JSON for everything else', () => {
  it('gives a page to a browser navigation and JSON to the API, fetch calls and images', () => {
    expect(wantsPage(request('/finnes/ikke', BROWSER))).toBe(true);
    expect(wantsPage(request('/api/submissions/x', BROWSER))).toBe(false);
    expect(wantsPage(request('/finnes/ikke', '*/*'))).toBe(false);
    expect(wantsPage(request('/finnes/ikke', 'application/json'))).toBe(false);
    expect(wantsPage(request('/submissions/x/documents/0/pages/1', 'image/avif,image/webp,*/*'))).toBe(false);
    expect(wantsPage(request('/finnes/ikke'))).toBe(false);
  });

  it('writes the page in Norwegian in the app frame, with the message escaped and a way back', () => {
    const page = errorPage(404, 'Fant ikke <saken>.', null);
    expect(page).toContain('<html lang="nb"');
    expect(page).toContain('Siden finnes ikke');
    expect(page).toContain('Fant ikke &lt;saken&gt;.');
    expect(page).toContain('href="/login"');
    expect(errorPage(500, 'Noe gikk galt.', null)).toContain('Prøv igjen om litt');
  });
});

describe('a refused correction carried back to its field', () => {
  it('takes the field, what was typed and the reason back, for a danger notice only', () => {
    const query = Object.fromEntries(
      new URLSearchParams(fieldErrorQuery('requestedAmount', 'mye', 'fordi').slice(1)),
    );
    const danger = { kind: 'danger', text: 'Søknadsbeløp: «mye» kan ikke leses som et beløp.' };
    expect(fieldErrorOf(query, danger)).toEqual({
      field: 'requestedAmount',
      message: danger.text,
      value: 'mye',
      reason: 'fordi',
    });
    expect(fieldErrorOf(query, { kind: 'success', text: 'Rettet.' })).toBeNull();
    expect(fieldErrorOf(query, null)).toBeNull();
    // A field no one can correct is no field to stand beside.
    expect(fieldErrorQuery('status', 'x', 'y')).toBe('');
    expect(fieldErrorOf({ ...query, field: 'status' }, danger)).toBeNull();
  });
});

describe('the queue dashboard in the app frame', () => {
  it("makes bull-board's page Norwegian, adds the way back and drops the font from another site", () => {
    const page = [
      '<!DOCTYPE html>',
      '<html lang="en" dir="ltr"><head><title>Intake – køer</title>',
      '<link href="https://fonts.googleapis.com/css2?family=IBM+Plex+Sans" rel="stylesheet">',
      '</head><body class="preload"><div id="root"><div>',
      '    Loading',
      '  </div></div></body></html>',
    ].join('\n');
    const framed = inNorwegianFrame(page);
    expect(framed).toContain('<html lang="nb"');
    expect(framed).not.toContain('fonts.googleapis.com');
    expect(framed).toMatch(/<body class="preload"><style>/);
    expect(framed).toContain('<a href="/queue" style="color:#0a5cad">Tilbake til arbeidskøen</a>');
    expect(framed).toContain('Laster …');
  });
});

describe("the queue dashboard's words", () => {
  it("lays the Norwegian words over bull-board's, keeping what they do not give", () => {
    const base = { MENU: { OVERVIEW: 'Overview', NEW: 'New thing' }, LOADING: 'Loading...' };
    expect(layMessages(base, DASHBOARD_WORDS_NB)).toMatchObject({
      MENU: { OVERVIEW: 'Oversikt', NEW: 'New thing' },
      LOADING: 'Laster …',
    });
  });
});
