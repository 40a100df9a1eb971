/** The Dutch message of the api's JSON error body (`{ code, message, messageEn }`), if it sent one. */
async function apiMessage(response: Response): Promise<string | null> {
  try {
    if (!(response.headers.get('content-type') ?? '').includes('json')) return null;
    const body = (await response.json()) as { message?: unknown };
    return typeof body.message === 'string' && body.message ? body.message : null;
  } catch {
    return null;
  }
}

/**
 * Downloads a file from an authenticated api path (GET with the session cookie) and hands it to the
 * browser as a download. Throws a Dutch message when the api refuses (the api's own message when it gives one).
 */
export async function downloadWithToken(path: string, fileName: string): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    const fallback = response.status === 403 ? 'U mag dit bestand niet downloaden.' : `Downloaden mislukt (${response.status}).`;
    throw new Error((await apiMessage(response)) ?? fallback);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
