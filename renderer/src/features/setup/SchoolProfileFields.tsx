import { Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { schoolProfile } from '../../../../shared/api/session';
import { useLabels } from '../../lib/labels';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const fields = schoolProfile.shape;

const TIME_ZONES = (() => {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return (zones.includes('Asia/Shanghai') ? zones : ['Asia/Shanghai', ...zones]).map((z) => ({ value: z, label: z }));
})();

function TextField({ name }: { name: 'name' | 'code' | 'district' }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={t(`setup.school.${name}`)} rules={[zodRule(fields[name])]}>
      <Input maxLength={maxLengthOf(fields[name])} showCount />
    </Form.Item>
  );
}

/**
 * The school profile's fields, checked with the contract's schema; setup and settings share them.
 * Two to a row, so setup's 下一步 is in view at 1366×768 without scrolling.
 */
export function SchoolProfileFields() {
  const { t } = useTranslation();
  const { stageOptions } = useLabels();
  return (
    <>
      <Row gutter={16}>
        <Col span={14}>
          <TextField name="name" />
        </Col>
        <Col span={10}>
          <TextField name="code" />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="stages" label={t('setup.school.stages')} rules={[zodRule(fields.stages)]}>
            <Checkbox.Group options={stageOptions} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="enrollment" label={t('setup.school.enrollment')} rules={[zodRule(fields.enrollment)]}>
            <InputNumber min={1} max={50000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={14}>
          <TextField name="district" />
        </Col>
        <Col span={10}>
          <Form.Item name="timeZone" label={t('setup.school.timeZone')} rules={[zodRule(fields.timeZone)]}>
            <Select showSearch options={TIME_ZONES} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
