import { Button, Card, Checkbox, DatePicker, Flex, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { crisisApi, WEATHER } from '../../../../shared/api/crisis';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { PersonName } from '../../components/PersonName';
import { StudentPicker } from '../../components/StudentPicker';
import { dateProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const partnerShape = crisisApi['referralPartners.save'].input.shape;
const peerShape = crisisApi['peerSupporters.save'].input.shape;
const partners = () => api.referralPartners.list({ includeInactive: true });
const peers = () => api.peerSupporters.list({ includeInactive: true });
const weather = ({ weekOf }: { weekOf: string }) => api.peerSupporters.weather({ weekOf });
const weatherShape = crisisApi['peerSupporters.addWeather'].input.shape;

/** The referral partners (REF-01) and the class peer supporters (心理委员) the steps draw on. */
export function RegistersTab() {
  const { t } = useTranslation();
  const today = useSchoolToday();
  const partnerList = useCall(partners, {});
  const peerList = useCall(peers, {});
  const [adding, setAdding] = useState<'partner' | 'peer' | 'weather' | null>(null);
  const [week, setWeek] = useState(today);
  const weekList = useCall(weather, { weekOf: week });
  const yes = (v: boolean) => (v ? <Tag color="green">✓</Tag> : <Tag>—</Tag>);
  return (
    <Flex vertical gap="middle">
      <Card size="small" title={t('crisis.registers.partners')} extra={<Button onClick={() => setAdding('partner')}>{t('crisis.registers.addPartner')}</Button>}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={partnerList.data?.items ?? []}
          locale={{ emptyText: t('crisis.registers.noneYet') }}
          columns={[
            { key: 'name', title: t('crisis.registers.partnerName'), dataIndex: 'name' },
            { key: 'department', title: t('crisis.registers.department'), dataIndex: 'department' },
            { key: 'contact', title: t('crisis.fields.contact'), dataIndex: 'contact' },
            { key: 'agreement', title: t('crisis.registers.agreementOnFile'), render: (_v, p) => yes(p.agreementOnFile) },
            { key: 'active', title: t('crisis.registers.active'), render: (_v, p) => yes(p.active) },
          ]}
        />
      </Card>
      <Card size="small" title={t('crisis.registers.peers')} extra={<Button onClick={() => setAdding('peer')}>{t('crisis.registers.addPeer')}</Button>}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={peerList.data?.items ?? []}
          locale={{ emptyText: t('crisis.registers.noneYet') }}
          columns={[
            { key: 'name', title: t('crisis.fields.student'), render: (_v, p) => <PersonName name={p.studentName} /> },
            { key: 'class', title: t('crisis.fields.class'), render: (_v, p) => `${t(`domain.grade.${p.grade}`)}${p.className}` },
            { key: 'since', title: t('crisis.registers.since'), dataIndex: 'since' },
            { key: 'active', title: t('crisis.registers.active'), render: (_v, p) => yes(p.active) },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('crisis.registers.weather')}
        extra={
          <Flex gap="small">
            <DatePicker aria-label={t('crisis.registers.weekOf')} picker="week" value={dateProps.getValueProps(week).value} onChange={(d) => d && setWeek(dateProps.normalize(d)!)} />
            <Button onClick={() => setAdding('weather')}>{t('crisis.registers.addWeather')}</Button>
          </Flex>
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={weekList.data?.items ?? []}
          locale={{ emptyText: t('crisis.registers.noneYet') }}
          columns={[
            { key: 'class', title: t('crisis.fields.class'), render: (_v, w) => `${t(`domain.grade.${w.grade}`)}${w.className}` },
            { key: 'weather', title: t('crisis.registers.weather'), render: (_v, w) => t(`crisis.weather.${w.weather}`) },
            { key: 'note', title: t('crisis.fields.notes'), dataIndex: 'note' },
          ]}
        />
      </Card>
      <FormModal<{ peerId: string; weekOf: string; weather: (typeof WEATHER)[number]; note: string }>
        open={adding === 'weather'}
        title={t('crisis.registers.addWeather')}
        okText={t('common.save')}
        initialValues={{ weekOf: week }}
        onClose={() => setAdding(null)}
        onSubmit={async (v) => {
          await api.peerSupporters.addWeather(v);
          setAdding(null);
          weekList.reload();
        }}
      >
        <Form.Item name="peerId" label={t('crisis.fields.peerId')} rules={[zodRule(weatherShape.peerId)]}>
          <Select
            aria-label={t('crisis.fields.peerId')}
            options={(peerList.data?.items ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: `${p.studentName} ${t(`domain.grade.${p.grade}`)}${p.className}` }))}
          />
        </Form.Item>
        <Form.Item name="weekOf" label={t('crisis.registers.weekOf')} rules={[zodRule(weatherShape.weekOf)]} {...dateProps}>
          <DatePicker style={{ width: '100%' }} aria-label={t('crisis.registers.weekOf')} />
        </Form.Item>
        <Form.Item name="weather" label={t('crisis.registers.weather')} rules={[zodRule(weatherShape.weather)]}>
          <Select aria-label={t('crisis.registers.weather')} options={WEATHER.map((w) => ({ value: w, label: t(`crisis.weather.${w}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('crisis.fields.notes')}>
          <Input.TextArea rows={2} maxLength={maxLengthOf(weatherShape.note)} />
        </Form.Item>
      </FormModal>
      <FormModal<{ name: string; department: string; contact: string; agreementOnFile: boolean; agreementNote: string }>
        open={adding === 'partner'}
        title={t('crisis.registers.addPartner')}
        okText={t('common.save')}
        initialValues={{ agreementOnFile: false }}
        onClose={() => setAdding(null)}
        onSubmit={async (v) => {
          await api.referralPartners.save(v);
          setAdding(null);
          partnerList.reload();
        }}
      >
        <Form.Item name="name" label={t('crisis.registers.partnerName')} rules={[zodRule(partnerShape.name)]}>
          <Input maxLength={maxLengthOf(partnerShape.name)} />
        </Form.Item>
        <Form.Item name="department" label={t('crisis.registers.department')}>
          <Input maxLength={maxLengthOf(partnerShape.department)} />
        </Form.Item>
        <Form.Item name="contact" label={t('crisis.fields.contact')}>
          <Input maxLength={maxLengthOf(partnerShape.contact)} />
        </Form.Item>
        <Form.Item name="agreementOnFile" valuePropName="checked">
          <Checkbox>{t('crisis.registers.agreementOnFile')}</Checkbox>
        </Form.Item>
        <Form.Item name="agreementNote" label={t('crisis.registers.agreementNote')}>
          <Input maxLength={maxLengthOf(partnerShape.agreementNote)} />
        </Form.Item>
      </FormModal>
      <FormModal<{ studentId: string; since: string }>
        open={adding === 'peer'}
        title={t('crisis.registers.addPeer')}
        okText={t('common.save')}
        initialValues={{ since: today }}
        onClose={() => setAdding(null)}
        onSubmit={async (v) => {
          await api.peerSupporters.save(v);
          setAdding(null);
          peerList.reload();
        }}
      >
        <Form.Item name="studentId" label={t('crisis.fields.student')} rules={[zodRule(peerShape.studentId)]}>
          <StudentPicker aria-label={t('crisis.fields.student')} />
        </Form.Item>
        <Form.Item name="since" label={t('crisis.registers.since')} rules={[zodRule(peerShape.since)]} {...dateProps}>
          <DatePicker style={{ width: '100%' }} aria-label={t('crisis.registers.since')} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
