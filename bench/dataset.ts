/**
 * Synthetic roster generator for benchmarks: plausible Chinese names (common
 * surnames, two-character given names), 学号, grades and classes, guardians.
 * Deterministic for a seed, so runs compare like with like.
 */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳司马上官诸葛';
const GIVEN = '子涵欣怡梓萱诗雨思彤雨桐佳怡可馨浩宇俊杰宇轩子轩浩然博文一鸣天佑明轩嘉怡梦琪晨曦雅婷志强建国秀英小红小明晓东丽娟海燕婷婷伟杰';

function rng(seed: number): () => number {
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
