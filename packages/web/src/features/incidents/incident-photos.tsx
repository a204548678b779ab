import { useTranslation } from 'react-i18next';
import { usePhotoStrings } from '../report/photo-strings';
import '../report/photos.css';

/** The image of a report's photo: the server gives it to the author and the area's staff only. */
const photoUrl = (photo: { id: string; reportId: string }) =>
  `/api/v1/reports/${photo.reportId}/photos/${photo.id}`;

/**
 * The photos of an incident's reports. The server lists them only for the incident area's
 * verifiers and dispatchers; this screen shows what it was given.
 */
export function IncidentPhotos({
  photos,
}: {
  photos: readonly { id: string; reportId: string }[];
}) {
  const { t } = useTranslation();
  const ready = usePhotoStrings();
  if (!ready) return null;
  return (
    <section className="incident-photos" aria-labelledby="incident-photos-title">
      <h2 id="incident-photos-title">{t('photos.incidentTitle')}</h2>
      <p className="hint">{t('photos.incidentHint')}</p>
      <ul className="incident-photos__list" data-testid="incident-photos">
        {photos.map((photo, index) => (
          <li key={photo.id}>
            <a
              href={photoUrl(photo)}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t('photos.open', { n: index + 1 })}
            >
              <img
                src={photoUrl(photo)}
                alt={t('photos.incidentPhoto', { n: index + 1, count: photos.length })}
                loading="lazy"
                decoding="async"
              />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
