/**
 * Norwegian (bokmål) for the queue dashboard's most used words: the menu, the overview, a queue's
 * states and actions, a job's fields, tabs and actions, and the confirmations. bull-board ships no
 * Norwegian; these are laid over its en-US messages (see queue-dashboard.ts), so a text not listed
 * here, or added in a later bull-board, stays in English rather than disappearing.
 * Keys and {{placeholders}} are bull-board's (i18next; `_one` is the singular form).
 */
export const DASHBOARD_WORDS_NB = {
  LOADING: 'Laster …',
  MENU: {
    OVERVIEW: 'Oversikt',
    QUEUES: 'KØER',
    SEARCH_INPUT_PLACEHOLDER: 'Filtrer køer',
    PAUSED: 'Satt på pause',
    EXPAND_ALL: 'Vis alle grupper',
    COLLAPSE_ALL: 'Skjul alle grupper',
    EXPAND_SIDEBAR: 'Vis sidemenyen',
    COLLAPSE_SIDEBAR: 'Skjul sidemenyen',
    METRICS_HISTORY: 'Målinger over tid',
    SCHEDULERS: 'Tidsplaner',
  },
  DASHBOARD: {
    JOBS_COUNT_one: '{{count}} jobb',
    JOBS_COUNT: '{{count}} jobber',
    EMPTY_STATE: 'Ingen køer å vise.',
    EMPTY_STATE_FILTERED: 'Ingen køer har jobber med status {{status}}.',
    SORTING: {
      TITLE: 'Sorter etter',
      FAILED: 'Feilede jobber',
      DELAYED: 'Utsatte jobber',
      WAITING: 'Ventende jobber',
      ACTIVE: 'Aktive jobber',
      COMPLETED: 'Fullførte jobber',
      ALPHABETICAL: 'Alfabetisk (A–Å)',
    },
    VIEW: { TITLE: 'Visning', FLAT: 'Liste', GROUPED: 'Gruppert' },
  },
  QUEUE: {
    NOT_FOUND: 'Fant ikke køen',
    EMPTY_STATE: 'Ingen jobber med status {{status}} i denne køen.',
    ACTIONS: {
      RETRY_ALL: 'Prøv alle på nytt',
      RETRY_ALL_FAILED: 'Prøv alle {{count}} feilede jobber på nytt',
      RETRY_FAILED_IN_ALL_QUEUES: 'Prøv {{count}} feilede jobber i alle køer på nytt',
      RETRY_FAILED_IN_GROUP: 'Prøv {{count}} feilede jobber i gruppen på nytt',
      PROMOTE_ALL: 'Kjør alle nå',
      CLEAN_ALL: 'Rydd bort alle',
      RESUME: 'Fortsett',
      PAUSE: 'Sett på pause',
      RESUME_ALL: 'Fortsett alle',
      PAUSE_ALL: 'Sett alle på pause',
      EMPTY: 'Tøm',
      OBLITERATE: 'Slett køen',
      ADD_JOB: 'Legg til jobb',
      CONFIRM: {
        RETRY_ALL: 'Vil du prøve alle jobber med status {{status}} på nytt?',
        CLEAN_ALL: 'Vil du rydde bort alle jobber med status {{status}}?',
        PROMOTE_ALL: 'Vil du kjøre alle utsatte jobber nå?',
        PAUSE_QUEUE: 'Vil du sette køen på pause?',
        EMPTY_QUEUE: 'Vil du tømme køen?',
        RESUME_QUEUE: 'Vil du la køen fortsette?',
        PAUSE_ALL: 'Vil du sette alle køer på pause?',
        RESUME_ALL: 'Vil du la alle køer fortsette?',
      },
      TOAST: {
        RETRY_PENDING: 'Prøver alle jobber med status {{status}} på nytt …',
        RETRY_DONE: 'Alle jobber med status {{status}} er lagt tilbake i køen',
      },
    },
    WORKERS: {
      TITLE: 'Tilkoblede køarbeidere',
      NONE: 'Ingen køarbeidere',
      NONE_TOOLTIP: 'Ingen henter jobber fra denne køen',
      CONNECTED: 'tilkoblet {{since}}',
      EMPTY: 'Ingen henter jobber fra denne køen.',
      EMPTY_HINT: 'Sjekk at en intake worker kjører og bruker samme Redis.',
      EMPTY_PAUSED: 'Køen er satt på pause, så ingen køarbeidere er ventet.',
    },
    INFO: {
      TITLE: 'Om køen',
      OVERVIEW: 'Oversikt',
      NAME: 'Navn',
      STATE: 'Tilstand',
      RUNNING: 'Kjører',
      PAUSED: 'På pause',
      WORKERS: 'Køarbeidere',
      TOTAL_JOBS: 'Jobber i alt',
      YES: 'Ja',
      NO: 'Nei',
    },
    STATUS: {
      ALL: 'Alle',
      LATEST: 'Siste',
      ACTIVE: 'Aktive',
      WAITING: 'Venter',
      'WAITING-CHILDREN': 'Venter på underjobber',
      PRIORITIZED: 'Prioritert',
      COMPLETED: 'Fullført',
      FAILED: 'Feilet',
      DELAYED: 'Utsatt',
      PAUSED: 'På pause',
    },
  },
  JOB: {
    NOT_FOUND: 'Fant ikke jobben',
    STATUS: 'Status: {{status}}',
    ADDED_AT: 'Lagt til',
    WILL_RUN_AT: 'Kjøres',
    DELAYED_FOR: 'utsatt i',
    PROCESS_STARTED_AT: 'Startet',
    PROCESSED_BY: 'av {{processedBy}}',
    FAILED_AT: 'Feilet',
    FINISHED_AT: 'Ferdig',
    ATTEMPTS: 'forsøk nr. {{attempts}}',
    DURATION: { SECS: '{{duration}} sekunder', MILLI_SECS: '{{duration}} millisekunder' },
    SHOW_DATA_BTN: 'Vis data',
    SHOW_PROGRESS_BTN: 'Vis fremdrift',
    SHOW_OPTIONS_BTN: 'Vis innstillinger',
    SHOW_ERRORS_BTN: 'Vis feil',
    NA: 'Ikke tilgjengelig',
    NO_PROGRESS: 'Ingen fremdrift registrert',
    NO_ERRORS: 'Ingen feil registrert',
    NO_LOGS: 'Ingen logg',
    ACTIONS: {
      PROMOTE: 'Kjør nå',
      CLEAN: 'Rydd bort',
      RETRY: 'Prøv på nytt',
      DUPLICATE: 'Kopier',
      CONFIRM: {
        PROMOTE: 'Vil du kjøre denne jobben nå?',
        RETRY: 'Vil du prøve denne jobben på nytt?',
        CLEAN: 'Vil du rydde bort denne jobben?',
      },
    },
    TABS: {
      DEFAULT: 'Standard',
      DATA: 'Data',
      PROGRESS: 'Fremdrift',
      OPTIONS: 'Innstillinger',
      LOGS: 'Logg',
      ERROR: 'Feil',
      TIMELINE: 'Tidslinje',
    },
  },
  CONFIRM: { DEFAULT_TITLE: 'Er du sikker?', CONFIRM_BTN: 'Bekreft', CANCEL_BTN: 'Avbryt' },
  MODAL: { CLOSE_BTN: 'Lukk' },
  SETTINGS: { TITLE: 'Innstillinger', LANGUAGE: 'Språk', THEME: 'Tema' },
};

type Messages = { [key: string]: string | Messages };

/** `over` laid on `base`, key by key: what `over` lacks stays as `base` has it. */
export function layMessages(base: Messages, over: Messages): Messages {
  const out: Messages = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = out[key];
    out[key] = typeof value === 'object' && typeof under === 'object' ? layMessages(under, value) : value;
  }
  return out;
}
