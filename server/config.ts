/**
 * The server's configuration, read from the environment and validated before anything
 * starts. A bad value stops the start with a message naming the variable and what it
 * expects (in Latvian and English, for the municipal IT person running it).
 */
import { isAbsolute, resolve } from 'node:path';

export interface Config {
  /** TCP port to listen on. */
  port: number;
  /** Interface to listen on ("localhost" listens on both IPv4 and IPv6 loopback). */
  host: string;
  /** The public origin people use, e.g. https://kurzemevisiem.lv (no path). */
  publicOrigin: URL;
  /** Where enquiries and mail files are kept (created if missing). */
  dataDir: string;
  /** The built site (`astro build` output): `client/` for static files, `server/` for on-demand pages. */
  distDir: string;
  production: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Nederīga konfigurācija / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Env = Record<string, string | undefined>;

/**
 * Read and validate the configuration.
 * @throws ConfigError listing every bad variable.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };

  let port = 4321;
  const rawPort = value('PORT');
  if (rawPort !== undefined) {
    if (/^\d+$/.test(rawPort) && Number(rawPort) >= 1 && Number(rawPort) <= 65535) port = Number(rawPort);
    else
      problems.push(
        `PORT="${rawPort}": jābūt veselam skaitlim no 1 līdz 65535 / expected a whole number from 1 to 65535`,
      );
  }

  const host = value('HOST') ?? 'localhost';
  if (!/^[A-Za-z0-9.:-]+$/.test(host) && host !== '::') {
    problems.push(
      `HOST="${host}": jābūt resursdatora nosaukumam vai IP adresei / expected a host name or IP address (e.g. localhost, 0.0.0.0)`,
    );
  }

  let publicOrigin = new URL(`http://localhost:${port}`);
  const rawOrigin = value('PUBLIC_ORIGIN');
  if (rawOrigin !== undefined) {
    let u: URL | null;
    try {
      u = new URL(rawOrigin);
    } catch {
      u = null;
    }
    if (
      !u ||
      (u.protocol !== 'http:' && u.protocol !== 'https:') ||
      (u.pathname !== '/' && u.pathname !== '') ||
      u.search ||
      u.hash ||
      u.username
    ) {
      problems.push(
        `PUBLIC_ORIGIN="${rawOrigin}": jābūt http(s) izcelsmei bez ceļa / expected an http(s) origin without a path, e.g. https://kurzemevisiem.lv`,
      );
    } else {
      publicOrigin = new URL(u.origin);
    }
  }

  const rawData = value('DATA_DIR') ?? './var';
  const dataDir = isAbsolute(rawData) ? rawData : resolve(cwd, rawData);
  const rawDist = value('DIST_DIR') ?? './dist';
  const distDir = isAbsolute(rawDist) ? rawDist : resolve(cwd, rawDist);

  const nodeEnv = value('NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(
      `NODE_ENV="${nodeEnv}": jābūt development, production vai test / expected development, production or test`,
    );
  }
  const production = nodeEnv === 'production';
  if (production && rawOrigin === undefined) {
    problems.push('PUBLIC_ORIGIN: ražošanā obligāts / required when NODE_ENV=production');
  }

  const rawLevel = value('LOG_LEVEL') ?? 'info';
  const logLevel = LOG_LEVELS.find((l) => l === rawLevel);
  if (!logLevel) problems.push(`LOG_LEVEL="${rawLevel}": expected one of ${LOG_LEVELS.join(', ')}`);

  if (problems.length > 0) throw new ConfigError(problems);
  return { port, host, publicOrigin, dataDir, distDir, production, logLevel: logLevel ?? 'info' };
}
