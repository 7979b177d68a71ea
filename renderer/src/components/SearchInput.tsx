import { CloseCircleFilled, SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import type { SearchProps } from 'antd/es/input';
import { useTranslation } from 'react-i18next';

/**
 * antd's search box with its two icon-only buttons named in the interface's language. antd names
 * each button after its icon ("search", "close-circle"), so a screen reader read English words to a
 * counselor on a Chinese screen; the named icon gives the button its name.
 */
export function SearchInput({ allowClear, ...props }: Omit<SearchProps, 'allowClear' | 'searchIcon' | 'enterButton'> & { allowClear?: boolean }) {
  const { t } = useTranslation();
  return (
    <Input.Search
      {...props}
      searchIcon={<SearchOutlined aria-label={t('common.search')} />}
      allowClear={allowClear ? { clearIcon: <CloseCircleFilled aria-label={t('common.clearSearch')} /> } : false}
    />
  );
}
