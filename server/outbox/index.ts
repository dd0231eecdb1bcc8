/**
 * The outbox: a durable spool of jobs on disk (write, fsync, rename) with leases, a retry
 * schedule and dead letters. It knows nothing of enquiries or mail: `server/delivery/`
 * puts enquiries in and delivers them. See `file-outbox.ts` for the on-disk layout.
 */
export * from './types';
export * from './schedule';
export * from './file-outbox';
