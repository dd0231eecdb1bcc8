/**
 * Health checks for the process manager and the load balancer: `/healthz` (the process
 * answers) and `/readyz` (the outbox is writable, the mail server answers, the disk has
 * room and no delivery attempt hangs past its limit; 503 if not).
 */
import type { FastifyPluginCallback } from 'fastify';
import type { ReferralService } from '../referrals';

export interface HealthOptions {
  referrals: Pick<ReferralService, 'ready' | 'mailer'>;
}

/** `GET /healthz` and `GET /readyz`, never cached. */
export const healthPlugin: FastifyPluginCallback<HealthOptions> = (app, { referrals }, done) => {
  app.get('/healthz', async (_req, reply) => {
    await reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
  app.get('/readyz', async (_req, reply) => {
    const state = await referrals.ready();
    const ok = state.outbox && state.mail && state.disk && state.leases;
    await reply
      .code(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({
        status: ok ? 'ready' : 'not ready',
        outbox: state.outbox,
        mail: state.mail,
        disk: state.disk,
        leases: state.leases,
        transport: referrals.mailer.kind,
      });
  });
  done();
};
