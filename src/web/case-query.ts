import { FINDING_CODES } from '../domain/record.ts';
import type { CaseFilter } from '../review/case-index.ts';
import { CASE_STATUSES } from '../review/case-status.ts';
import type { User } from '../review/review-store.ts';

/** A list's query string as read: the filter's fields as text, as the form shows them back. */
export interface CaseQuery {
  q: string;
  scheme: string;
  year: string;
  /** A CaseStatus, `queue`, `taken` or `all` (empty: the page's default). */
  status: string;
  /** `me`, a username, or empty. */
  assignee: string;
  /** `me` or empty: cases waiting for my approval. */
  approver: string;
  code: string;
  severity: string;
  overdue: string;
  page: number;
}

export const PAGE_SIZE = 50;
const STATUS_GROUPS = ['queue', 'taken', 'all'];
/** The list's filter parameters (the page number aside), as links, saved filters and the API take them. */
export const FILTER_KEYS = [
  'q',
  'scheme',
  'year',
  'status',
  'assignee',
  'approver',
  'code',
  'severity',
  'overdue',
] as const;

/** Reads the list parameters; anything unknown or malformed is dropped, never an error. */
export function readCaseQuery(query: Record<string, string | undefined>): CaseQuery {
  const text = (key: string, max = 200) => (query[key] ?? '').trim().slice(0, max);
  const status = text('status');
  const code = text('code');
  const page = Number(query.page);
  return {
    // `municipality` is the queue's older name for the search field.
    q: text('q') || text('municipality'),
    scheme: /^[a-z0-9-]{1,80}$/.test(text('scheme')) ? text('scheme') : '',
    year: /^\d{4}$/.test(text('year')) ? text('year') : '',
    status: [...CASE_STATUSES, ...STATUS_GROUPS].includes(status) ? status : '',
    assignee: /^[\w.@-]{1,80}$/.test(text('assignee')) ? text('assignee') : '',
    approver: text('approver') === 'me' ? 'me' : '',
    code: (FINDING_CODES as readonly string[]).includes(code) ? code : '',
    severity: ['error', 'warning'].includes(text('severity')) ? text('severity') : '',
    overdue: text('overdue') === '1' ? '1' : '',
    page: Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The service's filter for a query, `defaultStatus` when it names none; users resolve `me`/usernames. */
export function caseFilter(
  query: CaseQuery,
  user: User,
  users: ReadonlyArray<Pick<User, 'id' | 'username'>>,
  defaultStatus: CaseFilter['status'] = 'all',
): CaseFilter {
  const assignee = query.assignee === 'me' ? user.id : users.find((u) => u.username === query.assignee)?.id;
  return {
    q: query.q || undefined,
    scheme: query.scheme || undefined,
    year: query.year ? Number(query.year) : undefined,
    status: (query.status || defaultStatus) as CaseFilter['status'],
    // An unknown username selects nobody rather than everybody.
    assigneeId: query.assignee ? (assignee ?? -1) : undefined,
    approverId: query.approver === 'me' ? user.id : undefined,
    code: query.code || undefined,
    severity: (query.severity || undefined) as CaseFilter['severity'],
    overdue: query.overdue === '1' || undefined,
  };
}

/** The query string of a filter (without the page unless given), for links, paging and exports. */
export function queryString(query: CaseQuery, page?: number): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (query[key]) params.set(key, query[key]);
  if (page !== undefined && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Whether any filter is set (the page then offers a reset link). */
export const isFiltered = (query: CaseQuery): boolean => FILTER_KEYS.some((k) => query[k] !== '');
