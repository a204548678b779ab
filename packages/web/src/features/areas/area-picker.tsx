import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '@tocsin/core/api/membership';
import './areas.css';

interface AreaPickerProps {
  city: Area | null;
  places: Area[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
}

/** Checkboxes for the neighborhoods to get alerts for, with a search box (85 in Minneapolis). */
export function AreaPicker({ city, places, selected, onChange }: AreaPickerProps) {
  const { t } = useTranslation();
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const chosen = new Set(selected);
  const needle = filter.trim().toLocaleLowerCase();
  const shown = places.filter((a) => !needle || a.name.toLocaleLowerCase().includes(needle));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange([...next]);
  };
  const box = (area: Area, label: string) => (
    <li key={area.id}>
      <label className="check">
        <input
          type="checkbox"
          checked={chosen.has(area.id)}
          onChange={(event) => toggle(area.id, event.target.checked)}
        />
        <span>{label}</span>
      </label>
    </li>
  );
  return (
    <fieldset className="area-picker">
      <legend>{t('areas.legend')}</legend>
      <p className="hint" aria-live="polite">
        {t('areas.selected', { count: chosen.size })}
      </p>
      <div className="field">
        <label htmlFor={filterId}>{t('areas.filter')}</label>
        <input
          id={filterId}
          type="search"
          value={filter}
          autoComplete="off"
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      <ul className="area-picker__list">
        {city && !needle ? box(city, t('areas.wholeCity', { city: city.name })) : null}
        {shown.map((area) => box(area, area.name))}
      </ul>
      {shown.length === 0 ? <p className="hint">{t('areas.none')}</p> : null}
    </fieldset>
  );
}
