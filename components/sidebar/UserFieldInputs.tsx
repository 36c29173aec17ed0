import { Fragment, useId, type ReactNode } from 'react';
import { t } from '@/utils/core/i18n';
import { USER_FIELD_NAMES, USER_FIELDS, type FieldForm, type FieldsOfForm, type UserFieldName } from '@/utils/core/schema';
import type { EditableView, ListField, TypedPhrases } from '@/utils/sidebar/view';
import { CadenceField } from '../ui/CadenceField';
import { ChipInput } from '../ui/ChipInput';
import { Field } from '../ui/Field';

/** A user field's on-screen name: `sidebar.<field>` in locales/ (the cadence field names itself). */
export const fieldLabel = (field: Exclude<UserFieldName, 'cadenceDays'>): string => t(`sidebar.${field}`);

interface Props {
  section: (typeof USER_FIELDS)[UserFieldName]['section'];
  form: EditableView;
  /** Phrases typed into list fields and not yet added as chips. */
  phrases: TypedPhrases;
  /** Every "where we met" in use, offered while typing one. */
  places: string[];
  onEdit<K extends UserFieldName>(field: K, value: EditableView[K]): void;
  onEditList(field: ListField, values: string[], phrase: string): void;
}

// Short fields that sit side by side.
const COMPACT: ReadonlySet<FieldForm> = new Set(['cadence', 'date']);

/** The sidebar's inputs for the user fields of one section, each as its form asks, in their defined order. */
export function UserFieldInputs({ section, form, phrases, places, onEdit, onEditList }: Props) {
  const placesId = useId();
  const input = (field: UserFieldName): ReactNode => {
    const definition = USER_FIELDS[field];
    switch (definition.form) {
      case 'phrases': {
        const list = field as FieldsOfForm<'phrases'>;
        return (
          <ChipInput
            label={fieldLabel(list)}
            values={form[list]}
            phrase={phrases[list] ?? ''}
            onChange={(values, phrase) => onEditList(list, values, phrase)}
          />
        );
      }
      case 'text': {
        const text = field as FieldsOfForm<'text'>;
        return (
          <Field label={fieldLabel(text)}>
            <textarea
              rows={form[text] ? (definition.section === 'summary' ? 2 : 4) : 1}
              value={form[text]}
              onChange={(event) => onEdit(text, event.target.value)}
            />
          </Field>
        );
      }
      case 'place': {
        const place = field as FieldsOfForm<'place'>;
        return (
          <Field label={fieldLabel(place)}>
            <input list={placesId} value={form[place]} onChange={(event) => onEdit(place, event.target.value)} />
          </Field>
        );
      }
      case 'cadence': {
        const cadence = field as FieldsOfForm<'cadence'>;
        return <CadenceField value={form[cadence]} onChange={(days) => onEdit(cadence, days)} />;
      }
      case 'date': {
        const date = field as FieldsOfForm<'date'>;
        return (
          <Field label={fieldLabel(date)}>
            <input type="date" value={form[date] ?? ''} onChange={(event) => onEdit(date, event.target.value || null)} />
          </Field>
        );
      }
    }
  };

  const fields = USER_FIELD_NAMES.filter((field) => USER_FIELDS[field].section === section);
  const groups: UserFieldName[][] = [];
  for (const field of fields) {
    const last = groups[groups.length - 1];
    const compact = COMPACT.has(USER_FIELDS[field].form);
    if (compact && last && COMPACT.has(USER_FIELDS[last[0]!].form)) last.push(field);
    else groups.push([field]);
  }
  return (
    <>
      {groups.map((group) =>
        group.length > 1 ? (
          <div className="row" key={group.join()}>
            {group.map((field) => (
              <Fragment key={field}>{input(field)}</Fragment>
            ))}
          </div>
        ) : (
          <Fragment key={group[0]}>{input(group[0]!)}</Fragment>
        ),
      )}
      {fields.some((field) => USER_FIELDS[field].form === 'place') && (
        <datalist id={placesId}>
          {places.map((place) => (
            <option key={place} value={place} />
          ))}
        </datalist>
      )}
    </>
  );
}
