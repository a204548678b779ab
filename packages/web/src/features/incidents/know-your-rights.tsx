import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-provider';
import './incidents.css';

/** The city pack's know-your-rights card in my language (else the city's first), and the hotline. */
export function KnowYourRights() {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  if (!city) return null;
  const card =
    city.knowYourRights.find((c) => c.lang === i18n.language) ??
    city.knowYourRights.find((c) => c.lang === city.languages[0]) ??
    city.knowYourRights[0];
  // The hotline text in my language when the pack has it, else the pack's own.
  const hotline = city.hotline.translations?.find((h) => h.lang === i18n.language);
  return (
    <section className="card kyr" aria-labelledby="kyr-title">
      <h2 id="kyr-title">{t('incident.whatToDo')}</h2>
      {card ? (
        <div lang={card.lang}>
          <h3>{card.title}</h3>
          {card.body.split('\n').map((line, index) => (
            <p key={index}>{line}</p>
          ))}
          {card.needsReview ? <p className="hint hint--warn">{t('incident.needsReview')}</p> : null}
        </div>
      ) : null}
      <h3>{t('incident.hotline')}</h3>
      {hotline ? (
        <div lang={hotline.lang}>
          <p>{hotline.text}</p>
          {hotline.needsReview ? (
            <p className="hint hint--warn">{t('incident.needsReview')}</p>
          ) : null}
        </div>
      ) : (
        <p lang={city.languages[0]}>{city.hotline.text}</p>
      )}
      {city.hotline.phone ? (
        <a className="button" href={`tel:${city.hotline.phone.replace(/[^\d+]/g, '')}`}>
          {t('incident.call', { phone: city.hotline.phone })}
        </a>
      ) : null}
    </section>
  );
}
