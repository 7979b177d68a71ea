/** The assessment archive (issue 5): neutral band labels (guide ETH-07: never an illness name) and its enums. */
export const scales = {
  band: {
    clear: '暂无需关注',
    watch: '留意观察',
    attention: '需关注',
    review: '建议复核',
    priorityReview: '建议优先复核',
  },
};

export const assessments = {
  mode: { kiosk: '学生机上作答', paper: '纸质录入' },
  status: { inProgress: '进行中', completed: '已完成', voided: '已作废' },
  severity: { critical: '危急', urgent: '紧急', followup: '跟进' },
  action: {
    talkedNow: '已当面约谈',
    appointmentBooked: '已预约面谈',
    crisisCase: '已建危机个案',
    referred: '已转介',
    guardianInformed: '已告知监护人',
    other: '其他',
  },
  alerts: {
    title: '待处理预警（{{count}}）',
    none: '没有待处理的预警',
    raised: '{{time}} 提出',
    acknowledge: '处理',
    ackTitle: '处理预警：{{name}}',
    explain: '请记录已采取的措施。处理记录会写入审计日志，并保留在学生档案中。',
    action: '已采取的措施',
    note: '说明',
    done: '已记录处理',
  },
};
