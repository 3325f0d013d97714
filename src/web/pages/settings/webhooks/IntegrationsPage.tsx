import { Anchor, Divider, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InboundWebhooksSection } from './InboundWebhooksSection';
import { OutboundWebhooksSection } from './OutboundWebhooksSection';

/**
 * Integrations (administrators): inbound webhooks other programs call Sevan through, with Bitrix24's REST
 * methods, and outbound webhooks Sevan posts its changes to.
 */
export default function IntegrationsPage() {
  const { t } = useTranslation('integrations');
  return (
    <>
      <InboundWebhooksSection />
      <Divider my="xl" />
      <OutboundWebhooksSection />
      <Text size="sm" c="dimmed" mt="md">
        {t('docs')}{' '}
        <Anchor href="/api/docs" target="_blank" rel="noreferrer">
          {t('docsLink')}
        </Anchor>
      </Text>
    </>
  );
}
