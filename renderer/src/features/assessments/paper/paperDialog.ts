import type { ModalProps } from 'antd';

/**
 * The dialog a paper grid is typed in: near the top of the window with a body that scrolls (not the
 * page behind it), so the alert banner can stick to its top while the typist works down a long class.
 */
export const PAPER_DIALOG: Pick<ModalProps, 'style' | 'styles'> = { style: { top: 24 }, styles: { body: { maxHeight: 'calc(100vh - 140px)', overflowY: 'auto' } } };
