import { Alert, App, Button, Flex, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/api/contract';
import type { UserView } from '../../../../shared/api/session';
import { usersApi } from '../../../../shared/api/users';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useLabels, type STAFF_ROLES } from '../../lib/labels';
import { useCall } from '../../lib/useCall';
import { useSession } from '../../stores/session';
import { AddUserModal } from './AddUserModal';
import { ResetPassphraseModal } from './ResetPassphraseModal';
import { PageTitle } from '../../components/PageTitle';

type StaffRole = (typeof STAFF_ROLES)[number];

const listUsers = () => api.users.list({});
const getSettings = () => api.settings.get({});

/** 用户: staff accounts. Counselors manage them; principals see the list only. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const labels = useLabels();
  const me = useSession((s) => s.status?.user);
  const canManage = me !== undefined && me !== null && (usersApi['users.update'].roles as readonly string[]).includes(me.role);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const list = useCall(listUsers, {});
  const settings = useCall(getSettings, {});

  const setPrincipalEditsRooms = async (principalEditsRooms: boolean) => {
    try {
      await api.settings.update({ principalEditsRooms });
      void message.success(t('users.changed'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
    settings.reload();
  };

  const confirmUpdate = (title: string, change: InputOf<'users.update'>) =>
    modal.confirm({
      title,
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.users.update(change);
          void message.success(t('users.changed'));
          list.reload();
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });

  // Two staff roles: the role button offers the one the account does not have.
  const otherRole = (role: UserView['role']): StaffRole => (role === 'counselor' ? 'principal' : 'counselor');

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center">
        <PageTitle>
          {t('users.title')}
        </PageTitle>
        {canManage && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('users.add')}
          </Button>
        )}
      </Flex>
      {!canManage && <Typography.Text type="secondary">{t('users.readOnly')}</Typography.Text>}
      {list.error !== undefined && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<UserView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          { key: 'username', title: t('users.username'), dataIndex: 'username' },
          { key: 'displayName', title: t('users.displayName'), render: (_v, u) => (u.id === me?.id ? u.displayName + t('users.you') : u.displayName) },
          { key: 'role', title: t('users.role'), render: (_v, u) => labels.role(u.role) },
          {
            key: 'status',
            title: t('users.status'),
            render: (_v, u) => (u.disabled ? <Tag>{t('users.disabled')}</Tag> : <Tag color="green">{t('users.enabled')}</Tag>),
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_v: unknown, u: UserView) => {
                    // Nothing on one's own row: one click could lock everyone out of the clinical records, and one's
                    // own passphrase is changed in 设置, which asks for the current one.
                    if (u.id === me?.id) return null;
                    const role = labels.role(otherRole(u.role));
                    return (
                      <Flex gap="small">
                        <Button size="small" onClick={() => confirmUpdate(t('users.roleTitle', { name: u.displayName, role }), { id: u.id, role: otherRole(u.role) })}>
                          {t('users.makeRole', { role })}
                        </Button>
                        <Button
                          size="small"
                          danger={!u.disabled}
                          onClick={() =>
                            confirmUpdate(t(u.disabled ? 'users.enableTitle' : 'users.disableTitle', { name: u.displayName }), { id: u.id, disabled: !u.disabled })
                          }
                        >
                          {u.disabled ? t('users.enable') : t('users.disable')}
                        </Button>
                        <Button size="small" onClick={() => setResetting(u)}>
                          {t('users.resetPassphrase')}
                        </Button>
                      </Flex>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      {settings.data !== undefined && (
        <Flex gap="small" align="center">
          <Switch
            id="principal-edits-rooms"
            checked={settings.data.principalEditsRooms}
            disabled={!canManage}
            onChange={(on) => void setPrincipalEditsRooms(on)}
          />
          <label htmlFor="principal-edits-rooms">{t('users.principalEditsRooms')}</label>
        </Flex>
      )}
      <AddUserModal
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={() => {
          setAdding(false);
          list.reload();
        }}
      />
      {resetting && <ResetPassphraseModal user={resetting} onClose={() => setResetting(null)} />}
    </Flex>
  );
}
