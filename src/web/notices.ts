import { createHmac, randomBytes } from 'node:crypto';
import { sameToken } from './auth.ts';

export type NoticeKind = 'success' | 'danger';
export interface Notice {
  kind: NoticeKind;
  text: string;
}

/**
 * After a form, the page says what happened through its address (`?notice=…`). Only texts this
 * process wrote there are shown: each carries an HMAC under a key made at start, so a link with
 * `?error=Ring oss på …` shows nothing. (Fixed keys would lose the reason a decision was refused,
 * which names the findings still open; a signature keeps that and still admits no free text.)
 */
const KEY = randomBytes(32);

const sign = (payload: string): string => createHmac('sha256', KEY).update(payload).digest('base64url');

/** The query string that carries a notice to the next page. */
export function noticeQuery(kind: NoticeKind, text: string): string {
  const payload = `${kind}.${Buffer.from(text, 'utf8').toString('base64url')}`;
  return `notice=${payload}.${sign(payload)}`;
}

/** The notice a page's address carries, when this process wrote it; otherwise none. */
export function noticeFromQuery(query: Record<string, unknown> | undefined): Notice | null {
  const value = query?.notice;
  if (typeof value !== 'string' || value.length > 4000) return null;
  const [kind, text, signature] = value.split('.');
  if ((kind !== 'success' && kind !== 'danger') || text === undefined || signature === undefined) return null;
  if (!sameToken(signature, sign(`${kind}.${text}`))) return null;
  return { kind, text: Buffer.from(text, 'base64url').toString('utf8') };
}
