/**
 * The mail server could not be reached, refused the login or did not accept a message. The message
 * names the server as host:port and never contains the SMTP password.
 */
export class EmailDeliveryError extends Error {
  override readonly name = 'EmailDeliveryError';

  constructor(
    message: string,
    /** nodemailer's error code, e.g. ECONNECTION, ETIMEDOUT, EAUTH, EENVELOPE, EMESSAGE. */
    readonly code?: string,
    /** The SMTP reply code when the server answered, e.g. 550. */
    readonly responseCode?: number,
  ) {
    super(message);
  }

  /** The server answered with a permanent (5xx) rejection; retrying the same message will not help. */
  get permanent(): boolean {
    return this.responseCode !== undefined && this.responseCode >= 500 && this.responseCode < 600;
  }
}
