import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '@tocsin/core/api/membership';

/** Chooses the area a screen is about, among the member's own. */
export function AreaPicker({
  areas,
  areaId,
  onChange,
}: {
  areas: Area[];
  areaId: string | null;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (areas.length < 2) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t('community.area')}</label>
      <select id={id} value={areaId ?? ''} onChange={(e) => onChange(e.target.value)}>
        {areas.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}
