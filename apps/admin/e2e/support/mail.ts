/** A message in the mail catcher (maildev's REST API), as far as the browser tests read it. */
export interface Mail {
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
}

/** The mail catcher's messages to `address` (MAIL_WEB_URL, set by `npm test`). */
export async function mailsTo(address: string): Promise<Mail[]> {
  const res = await fetch(`${(process.env.MAIL_WEB_URL as string).replace(/\/$/, '')}/email`, { headers: { connection: 'close' } });
  return ((await res.json()) as Mail[]).filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()));
}
