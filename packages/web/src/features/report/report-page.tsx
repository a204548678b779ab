import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ACTIVITY_CODES } from '@tocsin/core/salute/activity-codes';
import { useServices } from '../../app/services';
import { usePageTitle } from '../../app/use-page-title';
import { useAreas } from '../areas/use-areas';
import { useSession } from '../session/session-provider';
import { OutboxList } from './outbox-list';
import { PastePanel } from './paste-panel';
import { PlaceField } from './place-field';
import {
  draftProblems,
  draftToBody,
  EMPTY_DRAFT,
  textPosition,
  type DraftProblem,
  type ReportDraft,
} from './report-draft';
import { ReportDetails } from './report-details';
import type * as PhotoModule from './report-photos';
import { useCityPlaces } from './use-city-places';

/** The photo code (compression, previews, strings): loaded when a member first picks a photo. */
type PhotoCode = typeof PhotoModule;
const NO_PHOTO_TROUBLE = { busy: false, failed: false, tooMany: false };

/** One screen, sendable in seconds: what (a tap on a quick choice), where (GPS), send. */
export function ReportPage() {
  const { t } = useTranslation();
  const { outbox } = useServices();
  const { city } = useSession();
  const { places } = useAreas();
  const [mode, setMode] = useState<'form' | 'paste'>('form');
  const [draft, setDraft] = useState<ReportDraft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [pasteResult, setPasteResult] = useState<'filled' | 'nothing' | null>(null);
  const [sentId, setSentId] = useState<string | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [askNone, setAskNone] = useState(false);
  const [photoCode, setPhotoCode] = useState<PhotoCode | null>(null);
  const [photos, setPhotos] = useState<PhotoModule.DraftPhoto[]>([]);
  const [photoState, setPhotoState] = useState(NO_PHOTO_TROUBLE);
  const fileInput = useRef<HTMLInputElement>(null);
  const placeIndex = useCityPlaces();
  const activityId = useId();
  const activityHintId = useId();
  const errorId = useId();
  usePageTitle(t('report.title'));

  const update = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const has = (field: DraftProblem['field']) => problems.some((p) => p.field === field);

  const read = async (text: string) => {
    const { fillFromText } = await import('./paste-fill');
    const result = fillFromText(draft, text, {
      timeZone: city?.timeZone ?? 'UTC',
      areas: places,
      places: placeIndex?.index ?? null,
      ...(city?.plateDefaultState ? { plateState: city.plateDefaultState } : {}),
    });
    setDraft(result.draft);
    setAskNone(result.choice.use === 'ask' && result.choice.reason === 'none');
    setPasteResult(result.filled ? 'filled' : 'nothing');
    if (
      result.draft.size ||
      result.draft.uniform ||
      result.draft.equipment ||
      result.draft.time ||
      result.draft.plates
    ) {
      setDetailsOpen(true);
    }
    setMode('form');
  };

  const addPhotos = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setPhotoState({ ...NO_PHOTO_TROUBLE, busy: true });
    const code = await import('./report-photos');
    await code.loadPhotoStrings().catch(() => undefined);
    setPhotoCode(code);
    const result = await code.preparePhotos(files, photos.length);
    setPhotos((list) => [...list, ...result.photos]);
    setPhotoState({ busy: false, failed: result.failed > 0, tooMany: result.tooMany });
  };

  const removePhoto = (id: string) => {
    photoCode?.releasePhotos(photos.filter((p) => p.id === id));
    setPhotos((list) => list.filter((p) => p.id !== id));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = draftProblems(draft);
    setProblems(found);
    if (found.length > 0) {
      document.getElementById(errorId)?.focus();
      return;
    }
    // Photos travel in the outbox with their report, after it: offline too.
    const queued = photoCode && photos.length ? await photoCode.queuePhotos(photos) : [];
    const item = await outbox.add(draftToBody(draft, crypto.randomUUID()), queued);
    setPhotos([]);
    setPhotoState(NO_PHOTO_TROUBLE);
    setSentId(item.id);
  };

  if (sentId) {
    return (
      <section className="page" aria-labelledby="report-title">
        <h1 id="report-title" tabIndex={-1}>
          {t('report.savedTitle')}
        </h1>
        <OutboxList only={sentId} />
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setDraft(EMPTY_DRAFT);
            setAskNone(false);
            setProblems([]);
            setPasteResult(null);
            setSentId(null);
          }}
        >
          {t('report.another')}
        </button>
        <Link className="button button--quiet" to="/">
          {t('app.goHome')}
        </Link>
      </section>
    );
  }

  const problemText = (p: DraftProblem) =>
    p.kind === 'plateInvalid'
      ? t('report.plateInvalid', { plate: p.plate })
      : t(`report.${p.kind}`);

  return (
    <section className="page" aria-labelledby="report-title">
      <h1 id="report-title" tabIndex={-1}>
        {t('report.title')}
      </h1>
      <p className="hint">{t('report.intro')}</p>
      <p className="hint hint--warn">{t('report.safety')}</p>
      <div className="segmented" role="group" aria-label={t('report.modeLabel')}>
        <button type="button" aria-pressed={mode === 'form'} onClick={() => setMode('form')}>
          {t('report.modeForm')}
        </button>
        <button type="button" aria-pressed={mode === 'paste'} onClick={() => setMode('paste')}>
          {t('report.modePaste')}
        </button>
      </div>
      {mode === 'paste' ? <PastePanel onRead={(text) => void read(text)} /> : null}
      {mode === 'form' ? (
        <form className="report-form" onSubmit={(event) => void submit(event)} noValidate>
          {pasteResult ? (
            <p
              className={`notice ${pasteResult === 'filled' ? 'notice--ok' : 'notice--warn'}`}
              role="status"
            >
              {pasteResult === 'filled' ? t('report.pasteDone') : t('report.pasteNothing')}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor={activityId}>
              {t('report.activity')} <span className="required">({t('report.required')})</span>
            </label>
            <div className="chips" role="group" aria-label={t('report.quickLabel')}>
              {ACTIVITY_CODES.map((key) => (
                <button
                  key={key}
                  type="button"
                  className="chip"
                  data-code={key}
                  aria-pressed={draft.activityCode === key}
                  // Stored as the code: every reader sees the choice in their own language.
                  onClick={() =>
                    update({
                      activityCode: draft.activityCode === key ? null : key,
                      activityCodeFromPaste: false,
                    })
                  }
                >
                  {t(`report.quick.${key}`)}
                </button>
              ))}
            </div>
            <textarea
              id={activityId}
              rows={2}
              maxLength={200}
              aria-describedby={activityHintId}
              aria-invalid={has('activity')}
              value={draft.activity}
              onChange={(event) => update({ activity: event.target.value })}
            />
            <p id={activityHintId} className="hint">
              {t('report.activityHint')}
            </p>
          </div>
          <PlaceField
            position={draft.position}
            areaId={draft.areaId}
            placeText={draft.placeText}
            areas={places}
            invalid={has('place')}
            errorId={errorId}
            textPlace={draft.textPlace}
            gpsFix={draft.gpsFix}
            askNone={askNone}
            autoLocate={!draft.gpsFix && !draft.textPlace}
            onPosition={(position) =>
              setDraft((d) => ({
                ...d,
                position,
                gpsFix: position && !position.fromMap && !position.fromText ? position : d.gpsFix,
              }))
            }
            onUseText={() =>
              setDraft((d) => (d.textPlace ? { ...d, position: textPosition(d.textPlace) } : d))
            }
            onUseGps={() => setDraft((d) => (d.gpsFix ? { ...d, position: d.gpsFix } : d))}
            onArea={(areaId) => update({ areaId })}
            onText={(placeText) =>
              setDraft((d) => {
                // A typed corner is looked up as it is typed; it is used at once only when no
                // place was given yet, else the member picks it.
                const near = d.gpsFix ? { near: { lat: d.gpsFix.lat, lng: d.gpsFix.lng } } : {};
                const found = placeIndex ? placeIndex.resolve(placeText, near) : undefined;
                const textPlace = found && found.accuracyMeters <= 600 ? found : null;
                return {
                  ...d,
                  placeText,
                  textPlace,
                  position: !d.position && textPlace ? textPosition(textPlace) : d.position,
                };
              })
            }
          />
          <ReportDetails
            draft={draft}
            open={detailsOpen}
            platesInvalid={has('plates')}
            onToggle={setDetailsOpen}
            onChange={update}
          />
          <div className="field">
            <input
              ref={fileInput}
              type="file"
              accept="image/*"
              multiple
              hidden
              data-testid="photo-input"
              onChange={(event) => void addPhotos(event)}
            />
            <button
              type="button"
              className="button button--block"
              onClick={() => fileInput.current?.click()}
            >
              {t('report.addPhoto')}
            </button>
            {photoCode ? (
              <photoCode.ReportPhotos {...photoState} photos={photos} onRemove={removePhoto} />
            ) : null}
          </div>
          <div
            id={errorId}
            tabIndex={-1}
            className={problems.length ? 'notice notice--error' : undefined}
            role={problems.length ? 'alert' : undefined}
          >
            {problems.length ? (
              <>
                <p>{t('report.fix')}</p>
                <ul>
                  {problems.map((p) => (
                    <li key={`${p.field}-${p.kind}-${'plate' in p ? p.plate : ''}`}>
                      {problemText(p)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
          <button type="submit" className="button button--primary button--large button--block">
            {t('report.send')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
