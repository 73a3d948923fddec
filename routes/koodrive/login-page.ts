// The built-in login page of the authorization-code flow, served inline so it ships inside dist/.
// Every interpolated value is HTML-escaped; the page has no script.

export function escapeHtml (s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

export interface LoginPageFields { client_id: string, redirect_uri?: string, state?: string, code_challenge?: string, code_challenge_method?: string }

export function loginPage (action: string, fields: LoginPageFields, error?: string): string {
  const hidden = Object.entries(fields)
    .filter(([, v]) => typeof v === 'string' && v !== '')
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(String(v))}">`)
    .join('\n      ')
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sign in · lineage-gateway</title>
  <style>
    body { font-family: system-ui, sans-serif; display: flex; justify-content: center; margin-top: 12vh; }
    form { width: 20rem; display: flex; flex-direction: column; gap: .6rem; }
    .error { color: #b00020; }
  </style>
</head>
<body>
  <main>
    <h1>Sign in</h1>
    <p>to continue to <strong>${escapeHtml(fields.client_id)}</strong></p>
    ${error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(error)}</p>`}
    <form method="post" action="${escapeHtml(action)}" autocomplete="on">
      ${hidden}
      <label>User name <input name="username" required maxlength="64" autocomplete="username"></label>
      <label>Password <input name="password" type="password" required maxlength="128" autocomplete="current-password"></label>
      <button type="submit">Sign in</button>
    </form>
  </main>
</body>
</html>
`
}

export function errorPage (message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><p>${escapeHtml(message)}</p></body></html>\n`
}
