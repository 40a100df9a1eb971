/**
 * Another attempt holds the delivery (status SENDING within the lease). Retryable: the caller
 * (a Temporal activity) retries with backoff and then finds SENT, or a stale lease it may take over.
 */
export class DeliveryInProgressError extends Error {
  override readonly name = 'DeliveryInProgressError';
}

/**
 * Handing the message to the mail server failed; the delivery is recorded FAILED with last_error.
 * Retryable with backoff.
 */
export class NotificationSendError extends Error {
  override readonly name = 'NotificationSendError';
}

/**
 * The mail server accepted the message but recording SENT failed (after in-process retries). The row
 * stays SENDING. A retry in the same process records SENT without sending; if the process dies first,
 * a retry after the lease re-sends with the same Message-ID (see NotificationDeliveryService).
 */
export class DeliveryRecordError extends Error {
  override readonly name = 'DeliveryRecordError';
}
