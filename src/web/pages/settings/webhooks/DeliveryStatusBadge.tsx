import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '../../../api/webhooks';

const COLOR: Record<DeliveryStatus, string> = { pending: 'yellow', delivered: 'teal', failed: 'red' };

/** Where a delivery stands: pending (waiting or retrying), delivered, or failed for good. */
export function DeliveryStatusBadge({ status, testId }: { status: DeliveryStatus; testId?: string }) {
  const { t } = useTranslation('integrations');
  return (
    <Badge
      variant="light"
      color={COLOR[status]}
      size="sm"
      radius="sm"
      tt="none"
      styles={{ root: { flex: 'none' }, label: { overflow: 'visible' } }}
      data-testid={testId}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
