import dns from 'node:dns';
import net, { BlockList } from 'node:net';
import { invalid } from '../../errors.js';

/**
 * The SSRF guard of outgoing webhooks: a handler URL may not reach loopback, private, link-local,
 * unspecified, multicast or reserved addresses (the server's own network), unless an administrator allows
 * the host, address or range in WEBHOOK_ALLOW_HOSTS. Every address a host name resolves to must pass. The
 * check runs when a handler is configured and again at each delivery, on the address actually connected to
 * (a DNS answer may change in between).
 */

type Family = 'ipv4' | 'ipv6';

const REFUSED: [label: string, subnets: [string, number, Family][]][] = [
  [
    'an unspecified address',
    [
      ['0.0.0.0', 8, 'ipv4'],
      ['::', 128, 'ipv6'],
    ],
  ],
  [
    'a loopback address',
    [
      ['127.0.0.0', 8, 'ipv4'],
      ['::1', 128, 'ipv6'],
    ],
  ],
  [
    'a private address',
    [
      ['10.0.0.0', 8, 'ipv4'],
      ['172.16.0.0', 12, 'ipv4'],
      ['192.168.0.0', 16, 'ipv4'],
      ['100.64.0.0', 10, 'ipv4'],
      ['fc00::', 7, 'ipv6'],
      ['fec0::', 10, 'ipv6'],
    ],
  ],
  [
    'a link-local address',
    [
      ['169.254.0.0', 16, 'ipv4'],
      ['fe80::', 10, 'ipv6'],
    ],
  ],
  [
    'a multicast address',
    [
      ['224.0.0.0', 4, 'ipv4'],
      ['ff00::', 8, 'ipv6'],
    ],
  ],
  [
    'a reserved address',
    [
      ['192.0.0.0', 24, 'ipv4'],
      ['198.18.0.0', 15, 'ipv4'],
      ['240.0.0.0', 4, 'ipv4'],
      ['::', 96, 'ipv6'],
    ],
  ],
];

const REFUSED_LISTS = REFUSED.map(([label, subnets]) => {
  const list = new BlockList();
  for (const [address, prefix, family] of subnets) list.addSubnet(address, prefix, family);
  return { label, list };
});

/** What an administrator allowed: host names (exact) and addresses or ranges. */
export interface AllowList {
  hosts: Set<string>;
  addresses: BlockList;
}

/**
 * Parses WEBHOOK_ALLOW_HOSTS: comma- or space-separated host names, IP addresses and CIDR ranges
 * (`127.0.0.1,localhost,10.0.0.0/8,fd00::/8`). Returns the entries it could not read as `problems`.
 */
export function parseAllowList(spec: string): { allow: AllowList; problems: string[] } {
  const allow: AllowList = { hosts: new Set(), addresses: new BlockList() };
  const problems: string[] = [];
  for (const entry of spec.split(/[\s,]+/).filter(Boolean)) {
    const [address, prefix, extra] = entry.split('/');
    const family = net.isIP(address ?? '');
    if (family && prefix === undefined) {
      allow.addresses.addAddress(address as string, family === 4 ? 'ipv4' : 'ipv6');
    } else if (family && extra === undefined && /^\d{1,3}$/.test(prefix ?? '')) {
      const bits = Number(prefix);
      if (bits > (family === 4 ? 32 : 128)) problems.push(entry);
      else allow.addresses.addSubnet(address as string, bits, family === 4 ? 'ipv4' : 'ipv6');
    } else if (/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(entry)) {
      allow.hosts.add(entry.toLowerCase());
    } else {
      problems.push(entry);
    }
  }
  return { allow, problems };
}

export const emptyAllowList = (): AllowList => parseAllowList('').allow;

/** An IPv4 address written as IPv6 (::ffff:10.0.0.1 or ::ffff:a00:1) is judged as the IPv4 address. */
function normalise(address: string): { address: string; family: Family } {
  const lower = address.toLowerCase();
  if (net.isIPv6(lower) && lower.startsWith('::ffff:')) {
    const rest = lower.slice(7);
    if (net.isIPv4(rest)) return { address: rest, family: 'ipv4' };
    const m = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(rest);
    if (m) {
      const hi = Number.parseInt(m[1] as string, 16);
      const lo = Number.parseInt(m[2] as string, 16);
      return { address: [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.'), family: 'ipv4' };
    }
  }
  return { address: lower, family: net.isIPv4(lower) ? 'ipv4' : 'ipv6' };
}

/** Why an address is refused (e.g. "a private address"), or null when it may be reached. */
export function refusalOf(address: string, allow: AllowList): string | null {
  const { address: a, family } = normalise(address);
  if (allow.addresses.check(a, family)) return null;
  for (const { label, list } of REFUSED_LISTS) if (list.check(a, family)) return label;
  return null;
}

/** A handler refused by the guard; the message says which address and why. */
export class RefusedAddressError extends Error {
  readonly code = 'EREFUSEDADDRESS';
}

const refusedMessage = (host: string, address: string, label: string) =>
  `${host === address ? address : `${host} resolves to ${address}, which`} is ${label}; an administrator ` +
  'can allow it with WEBHOOK_ALLOW_HOSTS';

/** The URL's host without IPv6 brackets, lower-cased. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** Reads a handler URL: http or https, no user name or password in it. Returns a message when unfit. */
export function handlerUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute http:// or https:// URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'must be an absolute http:// or https:// URL';
  if (url.username || url.password) return 'must not contain a user name or password';
  return null;
}

function lookupAll(host: string): Promise<dns.LookupAddress[]> {
  return dns.promises.lookup(host, { all: true, verbatim: true });
}

/**
 * Checks a handler URL now (at configuration time): resolves its host and refuses it when any address is
 * refused. Throws a 400 naming `field` and the reason.
 */
export async function assertHandlerAllowed(text: string, allow: AllowList, field: string): Promise<void> {
  const problem = handlerUrlProblem(text);
  if (problem) throw invalid([{ field, message: problem }]);
  const host = hostOf(new URL(text));
  if (allow.hosts.has(host)) return;
  let addresses: { address: string }[];
  if (net.isIP(host)) addresses = [{ address: host }];
  else {
    try {
      addresses = await lookupAll(host);
    } catch {
      throw invalid([{ field, message: `the host ${host} cannot be resolved` }]);
    }
  }
  for (const { address } of addresses) {
    const label = refusalOf(address, allow);
    if (label) throw invalid([{ field, message: `refused: ${refusedMessage(host, address, label)}` }]);
  }
}

/** Throws when a literal IP host of a URL is refused (a connection to a literal address skips `lookup`). */
export function assertLiteralAllowed(url: URL, allow: AllowList): void {
  const host = hostOf(url);
  if (allow.hosts.has(host) || !net.isIP(host)) return;
  const label = refusalOf(host, allow);
  if (label) throw new RefusedAddressError(refusedMessage(host, host, label));
}

/**
 * A `lookup` for outgoing connections that refuses the connection when any resolved address is refused,
 * so the address checked is the address connected to.
 */
export function guardedLookup(allow: AllowList): net.LookupFunction {
  return (hostname, options, callback) => {
    const host = hostname.toLowerCase();
    dns.lookup(hostname, { ...options, all: true }, (err, list) => {
      if (err) return callback(err, '', 0);
      if (!allow.hosts.has(host)) {
        for (const { address } of list) {
          const label = refusalOf(address, allow);
          if (label) return callback(new RefusedAddressError(refusedMessage(host, address, label)), '', 0);
        }
      }
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${host}`), '', 0);
      if (options.all) callback(null, list);
      else callback(null, first.address, first.family);
    });
  };
}
