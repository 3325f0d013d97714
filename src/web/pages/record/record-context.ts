import { createContext, useContext } from 'react';
import type { CrmRecord, Currency, EntityKind } from '../../api/types';
import type { RefData } from '../../components/FieldValue';
import type { ProductSection } from './record-queries';
import type { SaveOutcome } from './useRecordSave';

/** What every part of one record page shares: the record, its reference data and the one way to save. */
export interface RecordPageState {
  entity: EntityKind;
  record: CrmRecord;
  refs: RefData;
  currencies: Currency[];
  sections: ProductSection[];
  /** Fields the product rows compute (read-only while there are rows). */
  locked: Set<string>;
  save: (patch: Record<string, unknown>) => Promise<SaveOutcome>;
}

export const RecordPageContext = createContext<RecordPageState | null>(null);

export function useRecordPage(): RecordPageState {
  const state = useContext(RecordPageContext);
  if (!state) throw new Error('useRecordPage outside a record page');
  return state;
}
