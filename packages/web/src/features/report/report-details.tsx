import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDraft } from './report-draft';

type DetailField = 'size' | 'uniform' | 'equipment' | 'time';
const FIELDS: readonly DetailField[] = ['size', 'uniform', 'equipment', 'time'];

interface ReportDetailsProps {
  draft: ReportDraft;
  open: boolean;
  platesInvalid: boolean;
  onToggle: (open: boolean) => void;
  onChange: (patch: Partial<ReportDraft>) => void;
}

/** The optional SALUTE fields and plates, folded away so the quick path stays short. */
export function ReportDetails({
  draft,
  open,
  platesInvalid,
  onToggle,
  onChange,
}: ReportDetailsProps) {
  const { t } = useTranslation();
  const base = useId();
  return (
    <details
      className="details"
      open={open}
      onToggle={(event) => onToggle((event.target as HTMLDetailsElement).open)}
    >
      <summary>{t('report.details')}</summary>
      {FIELDS.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${base}-${field}`}>{t(`report.${field}`)}</label>
          <input
            id={`${base}-${field}`}
            value={draft[field]}
            maxLength={200}
            autoComplete="off"
            aria-describedby={field === 'time' ? `${base}-time-hint` : undefined}
            onChange={(event) => onChange({ [field]: event.target.value })}
          />
          {field === 'time' ? (
            <p id={`${base}-time-hint`} className="hint">
              {t('report.timeHint')}
            </p>
          ) : null}
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${base}-plates`}>{t('report.plates')}</label>
        <input
          id={`${base}-plates`}
          value={draft.plates}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={platesInvalid}
          aria-describedby={`${base}-plates-hint`}
          onChange={(event) => onChange({ plates: event.target.value })}
        />
        <p id={`${base}-plates-hint`} className="hint">
          {t('report.platesHint')}
        </p>
      </div>
    </details>
  );
}
