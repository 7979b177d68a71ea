import { DatePicker } from 'antd';
import type { ComponentProps } from 'react';

/**
 * A date-range filter, either end of which may stay open. Saying so to antd's picker is also what
 * keeps Tab working: a picker whose start date may not be empty answers Tab from an empty start
 * date by pulling focus back to it, and a keyboard user could never reach the end date or leave.
 */
export function DateRangeFilter(props: Omit<ComponentProps<typeof DatePicker.RangePicker>, 'allowEmpty'>) {
  return <DatePicker.RangePicker {...props} allowEmpty={[true, true]} />;
}
