/** The fields of maildev's `GET /email` the tests read. */
export interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  /** Without angle brackets. */
  messageId: string;
  to: { address: string; name?: string }[];
}

export async function allMails(mailWebUrl: string): Promise<CaughtMail[]> {
  const response = await fetch(`${mailWebUrl.replace(/\/+$/, '')}/email`);
  if (!response.ok) throw new Error(`maildev answered ${response.status}`);
  return (await response.json()) as CaughtMail[];
}

export async function mailsTo(mailWebUrl: string, address: string): Promise<CaughtMail[]> {
  return (await allMails(mailWebUrl)).filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()));
}

/** Waits until `count` mails to `address` arrived (then a little longer, to catch an extra copy). */
export async function waitForMails(mailWebUrl: string, address: string, count: number, timeoutMs = 20_000): Promise<CaughtMail[]> {
  const deadline = Date.now() + timeoutMs;
  while ((await mailsTo(mailWebUrl, address)).length < count && Date.now() < deadline) await sleep(150);
  await sleep(700);
  return mailsTo(mailWebUrl, address);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function eventually<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}
