import { Badge, Group, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { get, qs } from '../api/client';
import { ENTITY_PATH, type SearchHit } from '../api/types';

const ORDER = ['deal', 'lead', 'contact', 'company'] as const;

/** Ctrl+K search over /api/v1/search: results grouped by type, arrows to move, Enter to open. */
export function GlobalSearch({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['common', 'fields']);
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 150);
  const [active, setActive] = useState(0);
  const results = useQuery({
    queryKey: ['search', debounced],
    queryFn: () =>
      get<{ items: SearchHit[] }>(`/api/v1/search${qs({ q: debounced, limit: 30 })}`).then((r) => r.items),
    enabled: opened && debounced.length > 0,
  });
  const grouped = useMemo(() => {
    const hits = results.data ?? [];
    return ORDER.map((type) => ({ type, hits: hits.filter((h) => h.entityType === type) })).filter(
      (g) => g.hits.length,
    );
  }, [results.data]);
  const flat = grouped.flatMap((g) => g.hits);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query moves the highlight back to the first result
  useEffect(() => setActive(0), [debounced]);

  const open = (hit: SearchHit) => {
    onClose();
    setQ('');
    navigate(`/${ENTITY_PATH[hit.entityType]}/${hit.id}`);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      withCloseButton={false}
      padding="xs"
      size="lg"
      yOffset="10vh"
      title={null}
    >
      <TextInput
        data-autofocus
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        placeholder={t('search.placeholder')}
        aria-label={t('search.open')}
        leftSection={results.isFetching ? <Loader size={14} /> : <IconSearch size={16} />}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, flat.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && flat[active]) open(flat[active]);
          else return;
          e.preventDefault();
        }}
      />
      <Stack gap={2} mt="xs" role="listbox" aria-label={t('search.open')}>
        {!debounced && (
          <Text size="sm" c="dimmed" p="xs">
            {t('search.typeMore')}
          </Text>
        )}
        {debounced && results.isSuccess && flat.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {t('search.empty')}
          </Text>
        )}
        {grouped.map((g) => (
          <div key={g.type}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="xs" pt={6}>
              {t(`fields:entity.${g.type}`)}
            </Text>
            {g.hits.map((hit) => {
              const index = flat.indexOf(hit);
              return (
                <UnstyledButton
                  key={`${hit.entityType}-${hit.id}`}
                  role="option"
                  aria-selected={index === active}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => open(hit)}
                  w="100%"
                  px="xs"
                  py={6}
                  style={{
                    borderRadius: 4,
                    background: index === active ? 'var(--mantine-color-blue-light)' : undefined,
                  }}
                >
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" truncate>
                      {hit.title}
                    </Text>
                    <Badge size="xs" variant="light" color="gray" ml="auto">
                      #{hit.id}
                    </Badge>
                  </Group>
                </UnstyledButton>
              );
            })}
          </div>
        ))}
      </Stack>
    </Modal>
  );
}
