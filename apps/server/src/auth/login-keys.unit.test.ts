import { describe, expect, it } from 'vitest';
import { emailKey, loginKeys, phoneKey, throttleKeyForLogin, usernameKey } from './login-keys.ts';

describe('login keys', () => {
  it('lower-cases and trims email addresses', () => {
    expect(emailKey('  Thandi.M@Example.ORG ')).toBe('thandi.m@example.org');
  });

  it('folds usernames with NFKC so look-alikes collide', () => {
    expect(usernameKey('Ｔｈａｎｄｉ')).toBe('thandi'); // full-width letters
    expect(usernameKey('ﬁona')).toBe('fiona'); // ligature
    expect(usernameKey(' Priya ')).toBe('priya');
    expect(usernameKey('स्नेहा')).toBe('स्नेहा');
  });

  it('keeps digits and a leading + of phone numbers', () => {
    expect(phoneKey('+27 82-123 4567')).toBe('+27821234567');
    expect(phoneKey('(082) 123.4567')).toBe('0821234567');
  });

  it('reads one login as every kind it could be', () => {
    expect(loginKeys('A@B.org')).toEqual({ email: 'a@b.org', username: 'a@b.org', phone: null });
    expect(loginKeys('+27 82 123 4567')).toEqual({
      email: null,
      username: '+27 82 123 4567',
      phone: '+27821234567',
    });
    expect(loginKeys('Sipho_2')).toEqual({ email: null, username: 'sipho_2', phone: null });
  });

  it('throttles a login under one key however it is typed', () => {
    expect(throttleKeyForLogin(' ADMIN ')).toBe(throttleKeyForLogin('admin'));
    expect(throttleKeyForLogin('+27 82 123 4567')).toBe(throttleKeyForLogin('+27821234567'));
    expect(throttleKeyForLogin('Me@X.org')).toBe('login:me@x.org');
  });
});
