import { hashPassword, verifyPassword } from './passwords.ts';
import { ReviewError } from './review-error.ts';
import type { ReviewStore, Role, StoredUser } from './review-store.ts';

/** Who changes users: a signed-in admin, or the command line (`intake user add`), named as it is audited. */
export interface UserActor {
  id: number | null;
  username: string;
}

export interface UserInput {
  username?: unknown;
  displayName?: unknown;
  password?: unknown;
  role?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A user as the audit log shows it: never the password or its hash. */
const auditView = (u: Pick<StoredUser, 'displayName' | 'role' | 'active'>) => ({
  displayName: u.displayName,
  role: u.role,
  active: u.active,
});

/**
 * Creates a user, or changes an existing one's name, role and password (and activates them again).
 * A new password or another role ends every session the user has; the change is audited with the
 * values before and after. Returns the username and whether the user is new.
 */
export async function saveUser(
  reviews: ReviewStore,
  actor: UserActor,
  input: UserInput,
): Promise<{ username: string; created: boolean }> {
  const username = text(input.username).trim();
  const displayName = text(input.displayName).trim();
  const password = text(input.password);
  const role = text(input.role) as Role;
  if (!/^[\w.@-]{2,64}$/.test(username))
    throw new ReviewError('Brukernavnet kan ha 2–64 bokstaver, tall, . @ - og _.', 'INVALID_INPUT');
  if (displayName.length === 0 || displayName.length > 200)
    throw new ReviewError('Skriv brukerens fulle navn (høyst 200 tegn).', 'INVALID_INPUT');
  if (password.length < 12) throw new ReviewError('Passordet må ha minst 12 tegn.', 'INVALID_INPUT');
  if (password.length > 1024) throw new ReviewError('Passordet kan ha høyst 1024 tegn.', 'INVALID_INPUT');
  if (role !== 'reviewer' && role !== 'admin')
    throw new ReviewError('Rollen må være reviewer eller admin.', 'INVALID_INPUT');
  const hash = await hashPassword(password);
  return reviews.transaction(async (tx) => {
    const before = await reviews.lockedUser(tx, username);
    if (!before) {
      await reviews.insertUser(tx, { username, displayName, role }, hash, actor.id);
      await reviews.audit(tx, actor.username, 'user-created', null, {
        username,
        after: auditView({ displayName, role, active: true }),
      });
      return { username, created: true };
    }
    const passwordChanged = !(await verifyPassword(before.passwordHash, password));
    await reviews.updateUser(tx, before.id, {
      displayName,
      role,
      active: true,
      password: passwordChanged ? { hash, by: actor.id } : undefined,
    });
    const ended =
      passwordChanged || role !== before.role || !before.active
        ? await reviews.endSessions(tx, before.id)
        : 0;
    await reviews.audit(tx, actor.username, 'user-changed', null, {
      username,
      before: auditView(before),
      after: auditView({ displayName, role, active: true }),
      passwordChanged,
      sessionsEnded: ended,
    });
    return { username, created: false };
  });
}

/** Deactivates a user: they cannot sign in, and every session they have ends at once. */
export async function deactivateUser(
  reviews: ReviewStore,
  actor: UserActor,
  username: string,
  reason: unknown,
): Promise<void> {
  const why = text(reason).trim();
  if (why.length === 0) throw new ReviewError('Skriv en begrunnelse.', 'INVALID_INPUT');
  if (why.length > 2000) throw new ReviewError('Begrunnelsen kan være høyst 2000 tegn.', 'INVALID_INPUT');
  await reviews.transaction(async (tx) => {
    const before = await reviews.lockedUser(tx, username);
    if (!before) throw new ReviewError('Fant ikke brukeren.', 'NOT_FOUND');
    if (before.id === actor.id) throw new ReviewError('Du kan ikke deaktivere deg selv.', 'FORBIDDEN');
    if (!before.active) throw new ReviewError('Brukeren er allerede deaktivert.', 'CONFLICT');
    await reviews.updateUser(tx, before.id, {
      displayName: before.displayName,
      role: before.role,
      active: false,
    });
    const ended = await reviews.endSessions(tx, before.id);
    await reviews.audit(tx, actor.username, 'user-deactivated', null, {
      username,
      before: auditView(before),
      after: auditView({ ...before, active: false }),
      reason: why,
      sessionsEnded: ended,
    });
  });
}
