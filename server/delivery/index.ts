/**
 * Delivery of enquiries: what goes into the outbox (`jobs`: the office e-mail, then the
 * confirmation), the worker that leases, composes, sends and retries them, and the limits
 * on confirmation e-mails.
 */
export * from './jobs';
export * from './limits';
export * from './worker';
