import { Col, DatePicker, Form, Row, TimePicker } from 'antd';
import type { z } from 'zod';
import { dateProps, timeProps } from '../lib/formValues';
import { zodRule } from '../lib/zodForm';

type Part = 'date' | 'start' | 'end';

/**
 * A day with a start and an end time in one row, the shape of every booking form: fields named
 * date, start and end, checked with the contract's own schemas.
 */
export function DateTimeFields({ schemas, labels }: { schemas: Record<Part, z.ZodType>; labels: Record<Part, string> }) {
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Form.Item name="date" label={labels.date} rules={[zodRule(schemas.date)]} {...dateProps}>
          <DatePicker allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      {(['start', 'end'] as const).map((part) => (
        <Col span={8} key={part}>
          <Form.Item name={part} label={labels[part]} rules={[zodRule(schemas[part])]} {...timeProps}>
            <TimePicker format="HH:mm" minuteStep={5} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
