import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentModal } from './ConsentModal';
import { ContactModal } from './ContactModal';

/**
 * 家校沟通 and 知情同意 for a student, wherever the counselor is: the archive, a case, the roster's
 * drawer. `onAdded` lets the page reload what it shows.
 */
export function ContactConsentButtons({ student, onAdded }: { student: { id: string }; onAdded?(): void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<'contact' | 'consent' | null>(null);
  const added = () => {
    setAdding(null);
    onAdded?.();
  };
  return (
    <>
      <Button onClick={() => setAdding('contact')}>{t('counseling.contacts.add')}</Button>
      <Button onClick={() => setAdding('consent')}>{t('counseling.consents.add')}</Button>
      <ContactModal student={student} open={adding === 'contact'} onClose={() => setAdding(null)} onCreated={added} />
      <ConsentModal student={student} open={adding === 'consent'} onClose={() => setAdding(null)} onRecorded={added} />
    </>
  );
}
