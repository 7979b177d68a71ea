import { App, Col, DatePicker, Flex, Form, Radio, Row, Select, Table, Typography } from 'antd';
import { useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { groupsApi } from '../../../../shared/api/groups';
import type { StudentListItem } from '../../../../shared/api/students';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { PersonName, useShownName } from '../../components/PersonName';
import { StudentPicker } from '../../components/StudentPicker';
import { dateProps } from '../../lib/formValues';
import { useCall } from '../../lib/useCall';
import { useDebounced } from '../../lib/useDebounced';
import { zodRule } from '../../lib/zodForm';
import { classStudentIds, useClasses, useGradeOptions } from './data';
import { useGroupLabels } from './labels';
import type { GroupDetail } from './MembersSection';
import { SearchInput } from '../../components/SearchInput';

const MODES = ['byClass', 'byFilter', 'one'] as const;
type Mode = (typeof MODES)[number];
const joinedOnField = groupsApi['groups.addMembers'].input.shape.joinedOn;
const required = (message: string) => [{ required: true, message }];

interface Values {
  mode: Mode;
  joinedOn: string;
  grade?: number;
  className?: string;
  /** By class: students of the class who do not join. */
  except?: string[];
  studentId?: string;
}

interface Filter {
  query: string;
  grade?: number;
  className?: string;
}
const findStudents = ({ query, ...filter }: Filter) => api.students.list({ ...filter, query: query || undefined, status: 'active', pageSize: 200 });
const classStudents = ({ grade, className }: { grade: number; className: string }) => api.students.list({ grade, className, status: 'active', pageSize: 200 });

/** Class options for a grade (all grades when none is chosen), from the roster's classes. */
function useClassOptions(grade: number | undefined) {
  const classes = useClasses();
  const names = classes.filter((c) => grade === undefined || c.grade === grade).map((c) => c.className);
  return { classes, options: [...new Set(names)].map((name) => ({ value: name, label: name })) };
}

/** Students matching a search and grade/class, to tick the ones who join. */
function FilterPicker({ selected, onSelect }: { selected: Key[]; onSelect(keys: Key[]): void }) {
  const { t } = useTranslation();
  const labels = useGroupLabels();
  const gradeOptions = useGradeOptions();
  const [filter, setFilter] = useState<Filter>({ query: '' });
  const { options } = useClassOptions(filter.grade);
  const found = useCall(findStudents, { ...filter, query: useDebounced(filter.query.trim(), 250) });
  return (
    <Flex vertical gap="small">
      <Flex gap="small" wrap>
        <SearchInput
          allowClear
          aria-label={t('common.search')}
          placeholder={t('groups.members.search')}
          value={filter.query}
          onChange={(e) => setFilter((f) => ({ ...f, query: e.target.value }))}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          aria-label={t('groups.members.grade')}
          placeholder={t('roster.allGrades')}
          options={gradeOptions}
          value={filter.grade}
          onChange={(grade?: number) => setFilter((f) => ({ ...f, grade, className: undefined }))}
          style={{ width: 120 }}
        />
        <Select
          allowClear
          aria-label={t('groups.members.pickClass')}
          placeholder={t('roster.allClasses')}
          options={options}
          value={filter.className}
          onChange={(className?: string) => setFilter((f) => ({ ...f, className }))}
          style={{ width: 120 }}
        />
      </Flex>
      <Table<StudentListItem>
        rowKey="id"
        size="small"
        loading={found.loading}
        dataSource={found.data?.items ?? []}
        pagination={false}
        scroll={{ y: 280 }}
        rowSelection={{ selectedRowKeys: selected, onChange: onSelect, preserveSelectedRowKeys: true }}
        columns={[
          { key: 'name', title: t('student.fields.name'), render: (_v, s) => <PersonName name={s.name} /> },
          { key: 'studentNo', title: t('student.fields.studentNo'), dataIndex: 'studentNo' },
          { key: 'class', title: t('groups.members.class'), render: (_v, s) => labels.className(s) },
        ]}
      />
      <Typography.Text type="secondary">{t('groups.members.selected', { count: selected.length })}</Typography.Text>
    </Flex>
  );
}

/** 添加成员: a whole class but for the students left out, the students ticked in a filtered list, or one student found by name. */
export function AddMembersModal({ program, onClose, onAdded }: { program: GroupDetail; onClose(): void; onAdded(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const gradeOptions = useGradeOptions();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const grade = Form.useWatch('grade', form);
  const className = Form.useWatch('className', form);
  const { classes, options } = useClassOptions(grade);
  const [ticked, setTicked] = useState<Key[]>([]);
  const classCount = classes.find((c) => c.grade === grade && c.className === className)?.count;
  const except = Form.useWatch('except', form) ?? [];
  const shown = useShownName();
  const inClass = useCall(classStudents, mode === 'byClass' && grade !== undefined && className !== undefined ? { grade, className } : null);
  // A class program starts with its first target class; any other program with nothing chosen.
  const first = program.targetClasses[0];

  const add = async (values: Values) => {
    const studentIds =
      values.mode === 'byClass'
        ? (await classStudentIds(values.grade!, values.className!)).filter((id) => !(values.except ?? []).includes(id))
        : values.mode === 'one' ? [values.studentId!] : ticked.map(String);
    if (studentIds.length === 0) {
      void message.warning(t('groups.members.pickSome'));
      return;
    }
    const r = await api.groups.addMembers({ id: program.id, studentIds, joinedOn: values.joinedOn });
    void message.success(t('groups.members.added', { added: r.added }) + (r.alreadyMembers > 0 ? t('groups.members.alreadyMembers', { count: r.alreadyMembers }) : ''));
    onAdded();
  };

  return (
    <FormModal<Values>
      open
      form={form}
      title={t('groups.members.addTitle')}
      okText={t('groups.members.add')}
      width={720}
      initialValues={{ mode: 'byClass', joinedOn: program.startDate, grade: first?.grade, className: first?.className }}
      onSubmit={add}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col flex="auto">
          <Form.Item name="mode" label={t('groups.members.mode')}>
            <Radio.Group optionType="button" options={MODES.map((m) => ({ value: m, label: t(`groups.members.${m}`) }))} />
          </Form.Item>
        </Col>
        <Col>
          <Form.Item name="joinedOn" label={t('groups.members.joinedOn')} rules={[zodRule(joinedOnField)]} {...dateProps}>
            <DatePicker allowClear={false} />
          </Form.Item>
        </Col>
      </Row>
      {mode === 'byClass' && (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="grade" label={t('groups.members.grade')} rules={required(t('errors.field.required'))}>
              <Select options={gradeOptions} onChange={() => form.setFieldsValue({ className: undefined, except: [] })} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="className"
              label={t('groups.members.pickClass')}
              rules={required(t('errors.field.required'))}
              extra={
                classCount !== undefined &&
                (except.length === 0 ? t('groups.members.classCount', { count: classCount }) : t('groups.members.classCountExcept', { count: classCount - except.length, except: except.length }))
              }
            >
              <Select options={options} onChange={() => form.setFieldValue('except', [])} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="except" label={t('groups.members.except')}>
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('groups.members.exceptNone')}
                loading={inClass.loading}
                options={(inClass.data?.items ?? []).map((st) => ({ value: st.id, label: `${shown(st.name)} ${st.studentNo}` }))}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
      {mode === 'byFilter' && <FilterPicker selected={ticked} onSelect={setTicked} />}
      {mode === 'one' && (
        <Form.Item name="studentId" label={t('groups.members.student')} rules={required(t('errors.field.required'))}>
          <StudentPicker />
        </Form.Item>
      )}
    </FormModal>
  );
}
