import { describe, expect, it } from 'vitest';
import { isSignInPath, SignInLimiter } from './sign-in-limit.ts';

describe('the sign-in limiter', () => {
  it('lets max attempts through per address and window, then says how long to wait', () => {
    let now = 1_000_000;
    const limiter = new SignInLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) expect(limiter.take('10.0.0.1').retryAfter).toBe(0);
    expect(limiter.take('10.0.0.1')).toEqual({ retryAfter: 60, first: true });
    now += 45_000;
    expect(limiter.take('10.0.0.1')).toEqual({ retryAfter: 15, first: false });
    // Another address has its own allowance.
    expect(limiter.take('10.0.0.2').retryAfter).toBe(0);
    now += 15_000;
    expect(limiter.take('10.0.0.1').retryAfter).toBe(0);
    expect(limiter.refused).toBe(2);
  });

  it('forgets finished windows, so memory holds only the addresses of one window', () => {
    let now = 0;
    const limiter = new SignInLimiter(1, 1000, () => now);
    for (let i = 0; i < 1000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`);
    now = 5000;
    limiter.take('10.9.9.9');
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBe(1);
  });

  it('covers sign-in, sign-up and password reset, and nothing else', () => {
    expect(isSignInPath('/api/auth/sign-in/email')).toBe(true);
    expect(isSignInPath('/api/auth/request-password-reset')).toBe(true);
    expect(isSignInPath('/api/auth/reset-password')).toBe(true);
    expect(isSignInPath('/api/auth/sign-out')).toBe(false);
    expect(isSignInPath('/api/auth/get-session')).toBe(false);
    expect(isSignInPath('/api/me')).toBe(false);
  });
});
