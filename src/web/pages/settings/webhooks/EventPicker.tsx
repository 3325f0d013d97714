import { Button, Checkbox, Group, Input, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWebhookEvents, type WebhookFormat } from '../../../api/webhooks';
import { ErrorState } from '../../../components/ErrorState';
import { groupEvents, spelled } from './events';
import classes from './webhooks.module.css';

/**
 * The events a webhook receives, one line per kind of record with created / updated / deleted. Values are
 * native names; each checkbox also shows the name in the chosen format's spelling, as the receiver sees it.
 */
export function EventPicker({
  value,
  onChange,
  format,
  error,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  format: WebhookFormat;
  error?: string | undefined;
}) {
  const { t } = useTranslation('integrations');
  const events = useWebhookEvents();
  const chosen = new Set(value);
  const set = (names: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const n of names) on ? next.add(n) : next.delete(n);
    onChange([...next]);
  };
  const all = (events.data ?? []).map((e) => e.native);

  return (
    <Input.Wrapper
      label={t('outbound.events')}
      description={t('outbound.eventsHint')}
      error={error}
      required
      data-testid="outbound-events"
    >
      {events.isPending ? (
        <Skeleton h={150} mt={6} />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <>
          <Group gap="xs" mt={6} mb={4}>
            <Button size="compact-xs" variant="subtle" onClick={() => onChange(all)}>
              {t('outbound.selectAll')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => onChange([])}
              disabled={!value.length}
            >
              {t('outbound.selectNone')}
            </Button>
          </Group>
          <div className={classes.eventGroups}>
            {groupEvents(events.data).map((group) => {
              const names = group.events.map((e) => e.native);
              const count = names.filter((n) => chosen.has(n)).length;
              const entity = t(`entities.${group.entity}`);
              return (
                <fieldset key={group.entity} className={classes.eventGroup}>
                  <legend className={classes.visuallyHidden}>{entity}</legend>
                  <Checkbox
                    className={classes.eventEntity}
                    label={
                      <Text size="sm" fw={600} component="span">
                        {entity}
                      </Text>
                    }
                    checked={count === names.length}
                    indeterminate={count > 0 && count < names.length}
                    onChange={(e) => set(names, e.currentTarget.checked)}
                    aria-label={t('outbound.allOf', { entity })}
                    data-testid={`event-entity-${group.entity}`}
                  />
                  {group.events.map((event) => (
                    <Checkbox
                      key={event.native}
                      label={t(`changes.${event.action}`)}
                      description={
                        <span className={`${classes.code} ${classes.eventName}`}>
                          {spelled(event.native, format, events.data)}
                        </span>
                      }
                      checked={chosen.has(event.native)}
                      onChange={(e) => set([event.native], e.currentTarget.checked)}
                      aria-label={`${entity}: ${t(`changes.${event.action}`)}`}
                      data-testid={`event-${event.native}`}
                    />
                  ))}
                </fieldset>
              );
            })}
          </div>
        </>
      )}
    </Input.Wrapper>
  );
}
