// Sign in for analysts, admins and respondents; the CSRF token is kept for this tab only.
import { useState } from 'react';

export const CSRF_KEY = 'accordance.csrf';

export function LoginPage({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string>();
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const res = await fetch('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
    });
    const json = (await res.json()) as { csrf?: string; error?: { message: string } };
    if (!res.ok || !json.csrf) {
      setError(json.error?.message ?? `HTTP ${res.status}`);
      return;
    }
    sessionStorage.setItem(CSRF_KEY, json.csrf);
    onDone();
  };
  return (
    <>
      <h1>Sign in</h1>
      <form onSubmit={(e) => void submit(e)} className="login">
        <label htmlFor="login-email">Email</label>
        <input id="login-email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="login-password">Password</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit">Sign in</button>
        {error && <p role="alert">{error}</p>}
      </form>
      <p className="muted">
        Reading the record needs no account. Accounts are for analysts, administrators and respondents.
      </p>
    </>
  );
}
