/**
 * Synthetic roster generator for benchmarks: plausible Chinese names (common
 * surnames, two-character given names), 学号, grades and classes, guardians.
 * Deterministic for a seed, so runs compare like with like.
 */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳司马上官诸葛';
const GIVEN = '子涵欣怡梓萱诗雨思彤雨桐佳怡可馨浩宇俊杰宇轩子轩浩然博文一鸣天佑明轩嘉怡梦琪晨曦雅婷志强建国秀英小红小明晓东丽娟海燕婷婷伟杰';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface SyntheticStudent {
  studentNo: string;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  grade: number;
  className: string;
  guardian: string;
  phone: string;
}

export function syntheticRoster(count: number, seed = 42, grades = [7, 8, 9, 10, 11, 12]): SyntheticStudent[] {
  const r = rng(seed);
  const pick = (s: string) => Array.from(s)[Math.floor(r() * Array.from(s).length)]!;
  return Array.from({ length: count }, (_, i) => {
    const grade = grades[i % grades.length]!;
    const surname = pick(SURNAMES);
    const name = surname + pick(GIVEN) + (r() < 0.7 ? pick(GIVEN) : '');
    const year = 2026 - grade - 6;
    return {
      studentNo: String(20260000 + i),
      name,
      sex: r() < 0.5 ? 'M' : 'F',
      birthDate: `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      grade,
      className: `${1 + Math.floor(r() * 12)}班`,
      guardian: surname + pick(GIVEN) + pick(GIVEN),
      phone: `138${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
    };
  });
}

export function rosterCsv(rows: SyntheticStudent[]): string {
  const head = '学号,姓名,性别,出生日期,年级,班级,监护人,联系电话';
  const body = rows.map((s) => [s.studentNo, s.name, s.sex === 'M' ? '男' : '女', s.birthDate, s.grade, s.className, s.guardian, s.phone].join(','));
  return `${[head, ...body].join('\r\n')}\r\n`;
}

/**
 * Synthetic session notes (~500 characters each) for the search benchmark. Realistic term
 * frequencies matter for an inverted index: most notes share a generic vocabulary (学生, 老师,
 * 家长, 学习, 沟通), while the words searched for occur in a known share of notes — 焦虑 in about
 * 30 %, 注意力 12 %, 情绪低落 8 %, 安全感 6 %, 失眠 5 %, 早恋 2 %, 自伤 1 %.
 */
const SUBJECTS = ['语文', '数学', '英语', '物理', '化学', '历史', '体育'];
const TIMES = ['早读', '午休', '晚自习', '周末', '考试前一晚', '月考期间'];
const FILLER = [
  '学生按时来到辅导室，态度配合，愿意交流。',
  '本次主要围绕近期的学习和生活情况展开交流。',
  '学生表示与父母沟通较少，回家后多待在自己房间。',
  '老师引导学生回顾本周发生的主要事件及当时的感受。',
  '学生谈到{subject}课上被老师点名回答问题时很紧张。',
  '学生说{time}常常想起和同学之间的小矛盾。',
  '与学生一起梳理了本周的作息时间表。',
  '学生对自己的期望较高，总觉得做得不够好。',
  '家长反映孩子在家话变少，周末不愿出门。',
  '学生提到班级里有几位关系较好的同学，课间常在一起。',
  '通过绘画和沙盘活动了解学生的内心感受。',
  '学生表示愿意尝试老师建议的方法，下次反馈效果。',
  '与班主任沟通了学生在班级中的表现，班主任表示会多关注。',
  '学生的{subject}成绩近期有所波动，本人比较在意。',
  '咨询过程中学生多次沉默，老师给予耐心等待和陪伴。',
  '学生能够识别自己的情绪变化，但调节方法较少。',
  '布置家庭作业：每天记录一件让自己感到轻松的小事。',
  '学生自述住校后生活节奏变化较大，正在适应。',
  '对学生的努力给予肯定，鼓励其继续保持。',
  '约定下周同一时间继续面谈，必要时邀请家长参加。',
  '学生说周末常和父亲一起打球，关系尚可。',
  '学生提到自己不太擅长在很多人面前发言。',
  '学生表示近期参加了学校的社团活动，感觉还不错。',
  '老师与学生讨论了时间管理的基本方法。',
];
const TOPICS: { p: number; sentences: string[] }[] = [
  { p: 0.3, sentences: ['学生自述考试前焦虑明显，手心出汗、心跳加快。', '焦虑情绪在{time}时加重，影响复习效率。', '学生担心成绩下滑让父母失望，因而感到焦虑。'] },
  { p: 0.12, sentences: ['上课注意力难以集中，作业完成拖延。', '{subject}课上注意力容易被窗外的声音吸引。'] },
  { p: 0.08, sentences: ['近期情绪低落，对原来喜欢的活动兴趣减退。', '情绪低落已持续约两周，食欲一般。'] },
  { p: 0.06, sentences: ['学生在新环境中缺乏安全感，晚上需要开灯入睡。', '父母经常争吵，学生说在家没有安全感。'] },
  { p: 0.05, sentences: ['近两周入睡困难，失眠较为明显，白天精神差。', '学生反映夜间失眠，早上起床困难。'] },
  { p: 0.02, sentences: ['学生谈到与同班同学早恋，担心被家长发现。', '围绕早恋话题，引导学生思考同伴交往的边界。'] },
  { p: 0.01, sentences: ['学生提到曾有自伤念头，已按流程评估风险并告知班主任。'] },
  { p: 0.2, sentences: ['人际关系方面，与室友之间关系紧张，时有争执。', '学生希望改善与同学的人际关系。'] },
  { p: 0.04, sentences: ['学生每天使用手机游戏超过三小时，网络使用需要调整。'] },
];
export const NOTE_TERMS = ['焦虑', '注意力', '情绪低落', '安全感', '失眠', '早恋', '自伤'];

export interface SyntheticNote {
  currentState: string;
  mainProblem: string;
  analysis: string;
  plan: string;
  outcomeEvaluation: string;
  followUpActions: string;
}

export function syntheticNotes(count: number, seed = 7, length = 500): SyntheticNote[] {
  for (const f of FILLER) if (NOTE_TERMS.some((t) => f.includes(t))) throw new Error(`filler holds a searched term: ${f}`);
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const fill = (s: string) => s.replace('{subject}', pick(SUBJECTS)).replace('{time}', pick(TIMES));
  return Array.from({ length: count }, () => {
    const sentences = TOPICS.filter((t) => r() < t.p).map((t) => fill(pick(t.sentences)));
    let size = sentences.join('').length;
    while (size < length) {
      const s = fill(pick(FILLER));
      sentences.splice(Math.floor(r() * (sentences.length + 1)), 0, s);
      size += s.length;
    }
    // The guide's structure: the sentences spread over the six fields in order.
    const cut = (from: number, to: number) => sentences.slice(Math.floor(sentences.length * from), Math.floor(sentences.length * to)).join('');
    return {
      currentState: cut(0, 0.3),
      mainProblem: cut(0.3, 0.5),
      analysis: cut(0.5, 0.7),
      plan: cut(0.7, 0.85),
      outcomeEvaluation: cut(0.85, 0.95),
      followUpActions: cut(0.95, 1),
    };
  });
}
