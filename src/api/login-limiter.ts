// Slows password guessing: after too many failed sign-ins for one account or from one address, refuse for a while.
export type LoginLimiter = {
  /** Milliseconds until the next attempt is allowed, or 0. */
  retryAfter(email: string, ip: string, now: number): number;
  fail(email: string, ip: string, now: number): void;
  succeed(email: string): void;
};

export function createLoginLimiter(
  options = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 },
): LoginLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const list = (failures.get(key) ?? []).filter((t) => now - t < options.windowMs);
    if (list.length > 0) failures.set(key, list);
    else failures.delete(key);
    return list;
  };
  const wait = (list: number[], limit: number, now: number) =>
    list.length >= limit ? Math.max(0, (list[list.length - limit] ?? now) + options.windowMs - now) : 0;
  return {
    retryAfter(email, ip, now) {
      return Math.max(
        wait(recent(`a:${email.toLowerCase()}`, now), options.perAccount, now),
        wait(recent(`i:${ip}`, now), options.perAddress, now),
      );
    },
    fail(email, ip, now) {
      for (const key of [`a:${email.toLowerCase()}`, `i:${ip}`])
        failures.set(key, [...recent(key, now), now]);
      // Bound the memory an attacker can make us spend.
      if (failures.size > 100_000) failures.delete(failures.keys().next().value as string);
    },
    succeed(email) {
      failures.delete(`a:${email.toLowerCase()}`);
    },
  };
}
