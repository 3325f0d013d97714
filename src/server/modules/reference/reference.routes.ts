import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currency } from '../../../shared/schemas/common.js';
import {
  currencyCreate,
  currencyUpdate,
  leadStatusCreate,
  leadStatusUpdate,
  sourceCreate,
  sourceUpdate,
} from '../../../shared/schemas/org.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idempotentCreate } from '../../http/idempotency.js';
import { idParam } from '../../http/list-query.js';
import { createLeadStatus, deleteLeadStatus, updateLeadStatus } from './lead-status.service.js';
import { listCurrencies, listLeadStatuses, listSources } from './reference.repository.js';
import {
  createCurrency,
  createSource,
  deleteSource,
  updateCurrency,
  updateSource,
} from './reference.service.js';

/** Currencies, sources and lead statuses: everyone reads them (every record form needs them). */
export async function referenceRoutes(app: FastifyInstance, opts: { db: Db }) {
  const { db } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reference'];

  r.get(
    '/api/v1/currencies',
    { schema: { tags, summary: 'List currencies (one is the base)' } },
    async () => ({
      items: await listCurrencies(db),
    }),
  );
  r.post(
    '/api/v1/currencies',
    {
      schema: {
        tags,
        summary: 'Add a currency (administrators)',
        body: currencyCreate.meta({ examples: [{ code: 'GEL', name: 'Georgian lari', exponent: 2 }] }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return idempotentCreate(db, req, reply, actor, (tx) => createCurrency(tx, actor, req.body));
    },
  );
  r.patch(
    '/api/v1/currencies/:code',
    {
      schema: {
        tags,
        summary: 'Rename a currency or make it the base (administrators)',
        params: z.strictObject({ code: currency }),
        body: currencyUpdate.meta({ examples: [{ name: 'Armenian dram', isBase: true }] }),
      },
    },
    async (req) => updateCurrency(db, actorOf(req), req.params.code, req.body),
  );

  registerSourceRoutes(app, db);
  registerLeadStatusRoutes(app, db);
}

function registerSourceRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reference'];
  r.get(
    '/api/v1/sources',
    { schema: { tags, summary: 'List sources (where clients come from)' } },
    async () => ({
      items: await listSources(db),
    }),
  );
  r.post(
    '/api/v1/sources',
    {
      schema: {
        tags,
        summary: 'Add a source (administrators); the code is made from the name when omitted',
        body: sourceCreate.meta({ examples: [{ name: 'Instagram', code: 'INSTAGRAM' }] }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return idempotentCreate(db, req, reply, actor, (tx) => createSource(tx, actor, req.body));
    },
  );
  r.patch(
    '/api/v1/sources/:id',
    {
      schema: {
        tags,
        summary: 'Rename or reorder a source (administrators)',
        params: idParam,
        body: sourceUpdate.meta({ examples: [{ name: 'Instagram ads', sort: 15 }] }),
      },
    },
    async (req) => updateSource(db, actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/v1/sources/:id',
    {
      schema: {
        tags,
        summary: 'Delete an unused source (administrators); 409 while records use it',
        params: idParam,
      },
    },
    async (req, reply) => {
      await deleteSource(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
}

function registerLeadStatusRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reference'];
  r.get(
    '/api/v1/lead-statuses',
    { schema: { tags, summary: 'List lead statuses in order, with semantics process, junk or converted' } },
    async () => ({ items: await listLeadStatuses(db) }),
  );
  r.post(
    '/api/v1/lead-statuses',
    {
      schema: {
        tags,
        summary: 'Add a lead status (administrators); exactly one "converted" status exists',
        body: leadStatusCreate.meta({ examples: [{ name: 'Waiting for a call back', color: '#f08c00' }] }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return idempotentCreate(db, req, reply, actor, (tx) => createLeadStatus(tx, actor, req.body));
    },
  );
  r.patch(
    '/api/v1/lead-statuses/:id',
    {
      schema: {
        tags,
        summary: 'Change a lead status (administrators); a semantics change also updates its leads',
        params: idParam,
        body: leadStatusUpdate.meta({ examples: [{ name: 'Not interested', semantics: 'junk' }] }),
      },
    },
    async (req) => updateLeadStatus(db, actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/v1/lead-statuses/:id',
    {
      schema: {
        tags,
        summary: 'Delete an unused lead status (administrators); 409 while leads have it',
        params: idParam,
      },
    },
    async (req, reply) => {
      await deleteLeadStatus(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
