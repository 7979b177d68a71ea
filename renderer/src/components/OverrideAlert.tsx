import { Alert, Checkbox, Form } from 'antd';
import { revealOnMount } from '../lib/revealError';

/**
 * The core refused something the user may still insist on (a booking outside a room's opening
 * hours): the reason, and a checkbox field that sends the insistence with the next try.
 */
export function OverrideAlert({ reason, name, label }: { reason: string; name: string; label: string }) {
  return (
    // Below the fold of a long dialog otherwise: brought into view and focused (revealOnMount).
    <div ref={revealOnMount} tabIndex={-1}>
      <Alert
        type="warning"
        showIcon
        title={reason}
        description={
          <Form.Item name={name} valuePropName="checked" style={{ margin: 0 }}>
            <Checkbox>{label}</Checkbox>
          </Form.Item>
        }
      />
    </div>
  );
}
