import type { z } from 'zod';
import type { RecordEntity } from '../../../shared/access.js';
import type { Ctx } from '../../context.js';
import type { FieldDef } from '../../query/fields.js';

export type Row = Record<string, unknown> & { id: number; version: number };
export type ApiRecord = Record<string, unknown> & { id: number; version: number };

export type RecordTable = 'leads' | 'contacts' | 'companies' | 'deals' | 'products';

/**
 * Describes one CRM record type to the shared record engine: its table, fields, input schema and the
 * rules particular to it (hooks). The engine does the rest: validation, rights, versions, history, search.
 */
export interface EntityDescriptor {
  entity: RecordEntity;
  table: RecordTable;
  /** Human name for messages ("Deal"). */
  label: string;
  /** URL segment (/api/v1/deals). */
  path: string;
  /** Column that decides whose record it is for access rights. */
  ownerColumn: 'responsible_id' | 'created_by';
  fields: FieldDef[];
  /** Writable fields (zod shapes); the engine adds custom fields and makes the object strict. */
  inputShape: z.ZodRawShape;
  /** Input keys that are not columns of the table (handled by hooks or the engine). */
  virtualInputs?: string[];
  hasCommunications: boolean;
  defaultSort: string;
  /** Fills defaults and enforces the entity's rules before a write; may change `values` (columns). */
  prepare?(
    ctx: Ctx,
    values: Record<string, unknown>,
    existing: Row | null,
    input: Record<string, unknown>,
  ): Promise<void>;
  /** After the row is written, in the same transaction: links to other records. */
  afterWrite?(ctx: Ctx, id: number, input: Record<string, unknown>, existing: Row | null): Promise<void>;
  /** Extra API fields for a page of rows (links), loaded in one query per kind. */
  expand?(ctx: Ctx, rows: Row[]): Promise<Map<number, Record<string, unknown>>>;
  /** Clean-up of dependent rows before delete (same transaction). */
  beforeDelete?(ctx: Ctx, row: Row): Promise<void>;
  /** What search indexes for this record; omitted for entities that are not searched. */
  searchDoc?(record: ApiRecord, phoneRegion: string): { title: string; body: string };
}

/** Standard audit fields every record has. */
export const auditFields: FieldDef[] = [
  { name: 'id', column: 'id', type: 'id', nullable: false },
  { name: 'version', column: 'version', type: 'integer', nullable: false, sortable: false },
  { name: 'createdBy', column: 'created_by', type: 'ref', nullable: true },
  { name: 'updatedBy', column: 'updated_by', type: 'ref', nullable: true },
  { name: 'createdAt', column: 'created_at', type: 'datetime', nullable: false },
  { name: 'updatedAt', column: 'updated_at', type: 'datetime', nullable: false },
];

export const ownedFields: FieldDef[] = [
  { name: 'responsibleId', column: 'responsible_id', type: 'ref', nullable: false },
  { name: 'sourceId', column: 'source_id', type: 'ref', nullable: true },
  { name: 'comments', column: 'comments', type: 'text', nullable: true, sortable: false },
];
