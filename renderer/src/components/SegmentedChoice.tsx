import { Segmented, type SegmentedProps } from 'antd';

/**
 * antd's Segmented as one Tab stop, like any radio group: the group itself is focusable as well as
 * its checked option, and only the option answers the arrow keys, so the first stop did nothing.
 * The group is taken out of the tab order; Tab lands on the checked option and arrows switch.
 */
export function SegmentedChoice<T extends string | number>(props: SegmentedProps<T>) {
  return <Segmented<T> {...props} tabIndex={-1} />;
}
