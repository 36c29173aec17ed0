import { useEffect, useState } from 'react';
import { t } from '@/utils/core/i18n';
import { getDb } from '@/utils/storage/db';
import { defaultDeviceName } from '@/utils/sync/device-name';
import { HEADER_LIMITS } from '@/utils/sync/files';
import { getMeta, META, setMeta } from '@/utils/sync/meta';
import { Field } from '../ui/Field';

/**
 * The name this browser writes in its sync files, by which the other browsers name it when they
 * find something wrong with its files ("“Laptop” has a gap…"). Saved when the field is left.
 */
export function DeviceNameField() {
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    void getMeta<string>(getDb(), META.deviceName).then((stored) => setName(stored ?? defaultDeviceName()));
  }, []);
  if (name === null) return null;

  const save = async () => {
    const chosen = name.trim() || defaultDeviceName();
    setName(chosen);
    await setMeta(getDb(), META.deviceName, chosen);
    setSaved(t('sync.deviceNameSaved'));
  };
  return (
    <>
      <Field label={t('sync.deviceName')} className="field stacked" hint={t('sync.deviceNameHint')}>
        <input
          value={name}
          maxLength={HEADER_LIMITS.name}
          onChange={(event) => {
            setName(event.target.value);
            setSaved('');
          }}
          onBlur={() => void save()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void save();
          }}
        />
      </Field>
      <p role="status" className="hint">
        {saved}
      </p>
    </>
  );
}
