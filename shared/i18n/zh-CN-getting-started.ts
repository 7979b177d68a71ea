/** The home's getting-started list while the archive is new. */
export const gettingStarted = {
  title: '开始使用',
  intro: '新档案的几项准备，做完一项即自动打勾。',
  done: '已完成',
  todo: '待完成',
  go: '前往',
  goTo: '前往：{{step}}',
  dismiss: '不再显示',
  dismissed: '入门清单已隐藏，可在“设置”中重新显示',
  steps: {
    calendar: { title: '校历与学期', detail: '录入本学期的起止日期，日程和开放时间按校历计算。', count: '已录入 {{count}} 个学期' },
    rooms: { title: '活动室与开放时间', detail: '登记辅导室，设定每周的开放时段。', count: '{{count}} 间活动室已设开放时间' },
    roster: { title: '导入学生名册', detail: '从学籍系统导出的表格导入学生。', count: '名册中有 {{count}} 名学生' },
    principal: { title: '校长账号', detail: '为校长或分管校长添加账号，只看统计，不看个案。', count: '{{count}} 个校长账号' },
    backup: { title: '备份', detail: '选择备份文件夹（最好是另一块磁盘或U盘），并做第一次备份。', count: '备份文件夹中有 {{count}} 份备份' },
  },
  settings: {
    title: '入门清单',
    explain: '在“我的个案”顶部列出新档案的准备事项。',
    show: '重新显示入门清单',
    shown: '入门清单已在“我的个案”中显示',
  },
};
