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
};
