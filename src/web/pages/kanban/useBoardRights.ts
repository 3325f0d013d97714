import { useCallback } from 'react';
import type { BoardEntity } from '../../api/kanban';
import { useUsers } from '../../api/reference';
import { useMe } from '../../api/session';

/**
 * What the user may do on the board, as far as the browser can tell from the role: cards they surely
 * cannot change are not draggable. Wider scopes (sub-departments) are left to the server, which answers
 * 403 and the card goes back with a message.
 */
export function useBoardRights(entity: BoardEntity) {
  const me = useMe().data;
  const users = useUsers().data;
  const update = me?.isAdmin ? 'all' : (me?.permissions[entity]?.update ?? 'none');
  const create = me?.isAdmin ? 'all' : (me?.permissions[entity]?.create ?? 'none');
  const mayMove = useCallback(
    (responsibleId: unknown): boolean => {
      if (!me) return false;
      switch (update) {
        case 'none':
          return false;
        case 'own':
          return responsibleId === me.id;
        case 'department': {
          const owner = users?.find((u) => u.id === responsibleId);
          return responsibleId === me.id || (owner !== undefined && owner.departmentId === me.departmentId);
        }
        default:
          return true;
      }
    },
    [me, update, users],
  );
  return { mayMove, mayCreate: create !== 'none' };
}
