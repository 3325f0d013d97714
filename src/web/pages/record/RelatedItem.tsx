import { ActionIcon, Anchor, Badge, Group, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Comm, type CrmRecord, ENTITY_PATH, type EntityKind } from '../../api/types';
import { stageOf } from '../../components/FieldValue';
import { formatMoney } from '../../lib/format';
import classes from './Related.module.css';
import { useRecordPage } from './record-context';
import { commHref, recordTitle } from './record-text';

function FirstComm({ kind, list }: { kind: 'phones' | 'emails'; list: unknown }) {
  const first = Array.isArray(list) ? (list as Comm[])[0] : undefined;
  if (!first) return null;
  return (
    <Anchor href={commHref(kind, first.value) ?? undefined} size="xs" className={classes.meta}>
      {first.value}
    </Anchor>
  );
}

/** What identifies a related record at a glance: a person's post and phone, a deal's stage and amount. */
function Details({ entity, rec }: { entity: EntityKind; rec: CrmRecord }) {
  const { t } = useTranslation('record');
  const { refs } = useRecordPage();
  if (entity === 'deal' || entity === 'lead') {
    const step =
      entity === 'deal' ? stageOf(refs, rec.stageId) : refs.leadStatuses.find((s) => s.id === rec.statusId);
    return (
      <>
        {step && (
          <Badge
            size="xs"
            radius="sm"
            variant="filled"
            autoContrast
            color={step.color}
            className={classes.badge}
          >
            {step.name}
          </Badge>
        )}
        <Text size="xs" className={classes.num}>
          {formatMoney(rec.amount, rec.currency)}
        </Text>
      </>
    );
  }
  return (
    <>
      {entity === 'contact' && typeof rec.post === 'string' && rec.post && (
        <Text size="xs" c="dimmed" className={classes.meta}>
          {rec.post}
        </Text>
      )}
      {entity === 'company' && typeof rec.industry === 'string' && rec.industry && (
        <Text size="xs" c="dimmed" className={classes.meta}>
          {t(`codes.industry.${rec.industry}`, { defaultValue: rec.industry })}
        </Text>
      )}
      <FirstComm kind="phones" list={rec.phones} />
      <FirstComm kind="emails" list={rec.emails} />
    </>
  );
}

/** One related record: its name as a link, the key facts, and an unlink button where links are editable. */
export function RelatedItem({
  entity,
  rec,
  onUnlink,
}: {
  entity: EntityKind;
  rec: CrmRecord;
  onUnlink?: (() => void) | undefined;
}) {
  const { t } = useTranslation('record');
  const title = recordTitle(entity, rec);
  return (
    <li className={classes.item} data-testid={`related-${entity}-${rec.id}`}>
      <div className={classes.itemMain}>
        <Anchor
          component={Link}
          to={`/${ENTITY_PATH[entity]}/${rec.id}`}
          size="sm"
          fw={500}
          className={classes.title}
        >
          {title}
        </Anchor>
        <Group gap={6} className={classes.details}>
          <Details entity={entity} rec={rec} />
        </Group>
      </div>
      {onUnlink && (
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          onClick={onUnlink}
          aria-label={t('related.unlink', { name: title })}
        >
          <IconX size={13} />
        </ActionIcon>
      )}
    </li>
  );
}
