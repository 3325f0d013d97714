import type { BoardEntity } from '../../api/kanban';
import type { LeadStatus, Pipeline } from '../../api/types';

/** One column of a board: a deal stage or a lead status. */
export interface BoardColumn {
  id: number;
  name: string;
  color: string;
  semantics: string;
  /** Cards may be dropped here (a converted lead status is reached only by converting). */
  droppable: boolean;
  /** Cards of this column may be dragged away. */
  draggable: boolean;
  /** The quick-add box is shown. */
  canAdd: boolean;
}

/** A drop target at the bottom of the deal board: a won or lost stage. */
export interface DropZone {
  id: number;
  name: string;
  color: string;
  semantics: 'won' | 'lost';
}

export interface BoardLayout {
  entity: BoardEntity;
  columns: BoardColumn[];
  zones: DropZone[];
}

/** A deal pipeline: stages in progress are columns, won and lost stages are the drop zones. */
export function dealLayout(pipeline: Pipeline | undefined): BoardLayout {
  const stages = pipeline?.stages ?? [];
  return {
    entity: 'deal',
    columns: stages
      .filter((s) => s.semantics === 'process')
      .map((s) => ({
        id: s.id,
        name: s.name,
        color: s.color,
        semantics: s.semantics,
        droppable: true,
        draggable: true,
        canAdd: true,
      })),
    zones: stages
      .filter((s): s is typeof s & { semantics: 'won' | 'lost' } => s.semantics !== 'process')
      .map((s) => ({ id: s.id, name: s.name, color: s.color, semantics: s.semantics })),
  };
}

/** Lead statuses: in progress and junk are columns; converted shows its leads but takes no drops. */
export function leadLayout(statuses: LeadStatus[]): BoardLayout {
  return {
    entity: 'lead',
    columns: statuses.map((s) => {
      const open = s.semantics !== 'converted';
      return {
        id: s.id,
        name: s.name,
        color: s.color,
        semantics: s.semantics,
        droppable: open,
        draggable: open,
        canAdd: s.semantics === 'process',
      };
    }),
    zones: [],
  };
}

/** Droppable ids: columns and zones share the stage id space, zones are prefixed to tell them apart. */
export const columnDropId = (id: number) => `column:${id}`;
export const zoneDropId = (id: number) => `zone:${id}`;
export function parseDropId(id: string | number): { kind: 'column' | 'zone'; id: number } | null {
  const m = /^(column|zone):(\d+)$/.exec(String(id));
  return m ? { kind: m[1] as 'column' | 'zone', id: Number(m[2]) } : null;
}
