import { Alert, Checkbox, Form } from 'antd';

/**
 * The core refused something the user may still insist on (a booking outside a room's opening
 * hours): the reason, and a checkbox field that sends the insistence with the next try.
 */
export function OverrideAlert({ reason, name, label }: { reason: string; name: string; label: string }) {
  return (
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
  );
}
