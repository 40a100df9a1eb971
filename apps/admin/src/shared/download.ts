import { getToken } from '../app/auth/auth-store';

/**
 * Downloads a file from an authenticated api path (GET with the bearer token) and hands it to the
 * browser as a download. Throws a Dutch message when the api refuses.
 */
export async function downloadWithToken(path: string, fileName: string): Promise<void> {
  const token = getToken();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(response.status === 403 ? 'U mag dit bestand niet downloaden.' : `Downloaden mislukt (${response.status}).`);
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
