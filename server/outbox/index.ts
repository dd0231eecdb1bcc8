/**
 * The outbox: enquiries are stored durably before the person is told "sent", then
 * delivered at least once by the worker. See `file-outbox.ts` for the on-disk layout.
 */
export * from './types';
export * from './schedule';
export * from './file-outbox';
export * from './jobs';
export * from './worker';
