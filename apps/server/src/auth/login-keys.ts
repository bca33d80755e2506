/**
 * How a login is matched to an account. The same text must always give the same key, so these
 * normalisers are used when an account is saved (accounts.*_key) and when someone signs in.
 */

export const emailKey = (email: string): string => email.trim().toLowerCase();

/** NFKC folds look-alike forms (full-width letters, ligatures) so they cannot make twin usernames. */
export const usernameKey = (username: string): string => username.trim().normalize('NFKC').toLowerCase();

/** Digits with an optional leading +; spaces, dashes, dots and brackets are how people write them. */
export const phoneKey = (phone: string): string => {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
};

const phoneLike = /^\+?[0-9][0-9 ().-]{5,}$/;

/** The keys one typed login may stand for, in the order they are tried. */
export interface LoginKeys {
  email: string | null;
  username: string;
  phone: string | null;
}

export function loginKeys(login: string): LoginKeys {
  const trimmed = login.trim();
  return {
    email: trimmed.includes('@') ? emailKey(trimmed) : null,
    username: usernameKey(trimmed),
    phone: phoneLike.test(trimmed) ? phoneKey(trimmed) : null,
  };
}

/** The one key a login is throttled under: the same for existing and unknown accounts. */
export function throttleKeyForLogin(login: string): string {
  const keys = loginKeys(login);
  return `login:${keys.email ?? keys.phone ?? keys.username}`;
}
