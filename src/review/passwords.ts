import { hash, verify } from '@node-rs/argon2';

/** Passwords are kept as argon2id hashes (the library's defaults: 19 MiB, 2 passes). */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so the answer takes as long either way. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$Rq4cxASt3YjG/KmY/3tuMg$3MBG+EcDvb8/D/tpt1eGO03YbOg726DU7Vr5oxc5VnM';
