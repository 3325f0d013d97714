import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from './client';
import { recordKeys } from './records';
import type { CrmRecord } from './types';

/** Link an existing record, or create one (extra keys override what is copied from the lead). */
export type ConvertTarget = { id: number } | ({ create: true } & Record<string, unknown>);

export interface ConvertBody {
  contact?: ConvertTarget;
  company?: ConvertTarget;
  deal?: { create: true; pipelineId?: number; stageId?: number; title?: string };
  version?: number;
}

export interface ConvertResult {
  lead: CrmRecord;
  contact?: CrmRecord;
  company?: CrmRecord;
  deal?: CrmRecord;
}

/** POST /leads/:id/convert: everything in one transaction; errors name the part ("contact.name"). */
export function useConvertLead(leadId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ConvertBody) => post<ConvertResult>(`/api/v1/leads/${leadId}/convert`, body),
    onSuccess: (res) => {
      qc.setQueryData(recordKeys.one('lead', leadId), res.lead);
      for (const entity of ['lead', 'contact', 'company', 'deal'] as const)
        void qc.invalidateQueries({ queryKey: recordKeys.all(entity) });
    },
  });
}
