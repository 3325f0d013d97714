import { useTranslation } from 'react-i18next';
import { InlineField } from './InlineField';
import { ProductRowsEditor } from './ProductRowsEditor';
import classes from './RecordPage.module.css';
import { useRecordPage } from './record-context';
import { type FieldSpec, RECORD_UI } from './record-layout';

function Section({ id, title, fields }: { id: string; title: string; fields: FieldSpec[] }) {
  return (
    <section className={classes.panel} aria-labelledby={id} data-testid={`section-${id}`}>
      <div className={classes.panelHeader}>
        <h2 className={classes.panelTitle} id={id}>
          {title}
        </h2>
      </div>
      <div className={`${classes.panelBody} ${classes.grid}`}>
        {fields.map((f) => (
          <InlineField key={f.name} spec={f} />
        ))}
      </div>
    </section>
  );
}

/**
 * Every field of the record in labelled groups; the product rows (which make the amount) right after the
 * main groups, then custom fields, then who created and changed the record.
 */
export function FieldSections() {
  const { t } = useTranslation('record');
  const { entity, refs } = useRecordPage();
  const { sections, products } = RECORD_UI[entity];
  const custom: FieldSpec[] = [...refs.customFields]
    .sort((a, b) => a.sort - b.sort || a.id - b.id)
    .map((c) => ({
      name: c.apiName,
      kind: 'custom',
      nullable: true,
      wide: c.type === 'text',
    }));
  const main = sections.filter((s) => s.key !== 'system');
  const system = sections.find((s) => s.key === 'system');
  return (
    <>
      {main.map((s) => (
        <Section key={s.key} id={s.key} title={t(`sections.${s.key}`)} fields={s.fields} />
      ))}
      {products && <ProductRowsEditor />}
      {custom.length > 0 && <Section id="custom" title={t('sections.custom')} fields={custom} />}
      {system && <Section id="system" title={t('sections.system')} fields={system.fields} />}
    </>
  );
}
