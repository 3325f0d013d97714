import { z } from 'zod';
import { parseAllowList } from './modules/webhooks-out/ssrf-guard.js';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave unset for the embedded SQLite database)')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  WEB_ROOT: z.string().min(1).default('./dist/web'),
  SEVAN_ADMIN_EMAIL: z.email().optional(),
  SEVAN_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  SEVAN_DEMO: bool,
  SEVAN_DEMO_SCALE: z.coerce.number().positive().max(100).default(1),
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
  DEFAULT_PHONE_REGION: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
    .default('US'),
  BASE_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    .default('USD'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 14),
  BITRIX24_RATE_BURST: z.coerce.number().int().positive().default(1000),
  BITRIX24_RATE_PER_SECOND: z.coerce.number().min(0).default(200),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  WEBHOOK_ALLOW_HOSTS: z
    .string()
    .default('')
    .superRefine((v, ctx) => {
      const { problems } = parseAllowList(v);
      if (problems.length)
        ctx.addIssue({ code: 'custom', message: `not a host, address or range: ${problems}` });
    }),
  WEBHOOK_RETRY_MIN_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment once; on any problem throws one error that lists every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.shape ?? {}).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const result = ConfigSchema.safeParse(picked);
  const lines = result.success
    ? []
    : result.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
  if (Boolean(picked.TLS_CERT) !== Boolean(picked.TLS_KEY))
    lines.push('  TLS_CERT: TLS_CERT and TLS_KEY must be set together');
  if (!result.success || lines.length) throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  const config = result.data;
  if (argv.includes('--demo')) config.SEVAN_DEMO = true;
  return config;
}

/** A config for tests and tools: defaults plus overrides, no environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}, []), LOG_LEVEL: 'silent', ...overrides };
}
