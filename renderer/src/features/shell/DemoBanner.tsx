import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';

/**
 * Above every screen, login included, while the open archive is a demo folder (app.status says
 * so from the folder itself): demo records must never be taken for real ones, nor real
 * students typed into the demo.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const demo = useSession((s) => s.status?.demo ?? false);
  if (!demo) return null;
  // One line, so the pages keep their room on a 768-pixel-high school screen. It sits above every
  // screen's own landmarks, so it is a named region of its own: a screen reader listing the page's
  // landmarks finds it there, and nothing on the screen is outside a landmark.
  return (
    <section aria-label={t('app.demoBanner')}>
      <Alert
        banner
        type="info"
        role="status"
        title={
          <>
            <strong style={{ marginInlineEnd: 12 }}>{t('app.demoBanner')}</strong>
            {t('app.demoBannerExplain')}
          </>
        }
      />
    </section>
  );
}
