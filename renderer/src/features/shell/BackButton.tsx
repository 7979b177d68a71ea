import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNav } from '../../stores/nav';
import { PageTitle } from '../../components/PageTitle';

/** Returns to whatever opened this view (a case, the search, the roster). */
export function BackButton() {
  const { t } = useTranslation();
  const back = useNav((s) => s.back);
  return <Button onClick={back}>{t('counseling.records.back')}</Button>;
}

/** An opened view's heading: back, the title, and the view's own actions at the right. */
export function BackHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" gap="small" wrap>
      <Flex align="center" gap="small">
        <BackButton />
        <PageTitle>
          {title}
        </PageTitle>
      </Flex>
      {children}
    </Flex>
  );
}
