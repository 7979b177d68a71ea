import type { PaginationProps } from 'antd';
import { cloneElement, isValidElement, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Pagination props naming the previous and next page buttons. antd draws each as a button holding
 * only an arrow icon, named after the icon ("left", "right"), which a screen reader read out in
 * English; spread into every table's `pagination`.
 */
export function usePageArrows(): Pick<PaginationProps, 'itemRender'> {
  const { t } = useTranslation();
  return {
    itemRender: (_page, type, original) =>
      (type === 'prev' || type === 'next') && isValidElement(original)
        ? cloneElement(original as ReactElement<{ 'aria-label'?: string }>, { 'aria-label': t(type === 'prev' ? 'common.previousPage' : 'common.nextPage') })
        : original,
  };
}
