/**
 * Delivery of enquiries: what goes into the outbox (`jobs`: the office e-mail, then the
 * confirmation) and the worker that leases, composes, sends and retries them.
 */
export * from './jobs';
export * from './worker';
