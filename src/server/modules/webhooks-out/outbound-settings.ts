import { createHash } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { type AllowList, emptyAllowList, parseAllowList } from './ssrf-guard.js';

/** What outgoing webhooks need from the configuration. */
export interface OutboundSettings {
  /** Hosts and addresses the SSRF guard lets through (WEBHOOK_ALLOW_HOSTS). */
  allow: AllowList;
  /** Where this Sevan is reached (PUBLIC_URL), without a trailing slash: Bitrix24 payloads name it. */
  publicUrl: string;
  /** The first retry waits this long; each next one twice as long, up to an hour. */
  retryMinSeconds: number;
}

export function settingsFromConfig(config: Config): OutboundSettings {
  const scheme = config.TLS_CERT ? 'https' : 'http';
  const publicUrl = (config.PUBLIC_URL ?? `${scheme}://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
  return {
    allow: parseAllowList(config.WEBHOOK_ALLOW_HOSTS).allow,
    publicUrl,
    retryMinSeconds: config.WEBHOOK_RETRY_MIN_SECONDS,
  };
}

const DEFAULTS: OutboundSettings = {
  allow: emptyAllowList(),
  publicUrl: 'http://127.0.0.1:3000',
  retryMinSeconds: 30,
};

/**
 * Settings per database handle, so services that receive only `db` (event.bind, the worker) apply the
 * configuration of the application that owns it. Keyed by the handle's `live` emitter, which its
 * transactions share. A handle no application configured gets the strict defaults (nothing allowed).
 */
const byDb = new WeakMap<object, OutboundSettings>();

export function configureOutbound(db: Db, settings: OutboundSettings): void {
  byDb.set(db.live, settings);
}

export function outboundSettings(db: Db): OutboundSettings {
  return byDb.get(db.live) ?? DEFAULTS;
}

/** A stable id of this installation for Bitrix24's auth[member_id]: derived from its public URL. */
export const memberIdOf = (publicUrl: string) => createHash('md5').update(publicUrl).digest('hex');
