import { Col, DatePicker, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { dateProps } from '../../lib/formValues';
import { zodRule } from '../../lib/zodForm';

/** A screening's start and end in one row (fields startDate and endDate), checked with the contract's schemas. */
export function CampaignDates({ schemas }: { schemas: Record<'startDate' | 'endDate', z.ZodType> }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      {(['startDate', 'endDate'] as const).map((name) => (
        <Col span={12} key={name}>
          <Form.Item name={name} label={t(`campaigns.fields.${name}`)} rules={[zodRule(schemas[name])]} {...dateProps}>
            <DatePicker allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
