import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { pinyinKeys, readWhole } from '../../shared/domain/pinyin';
import { uuidv7 } from '../../shared/ids';

describe('pinyin keys of a name', () => {
  it('reads surnames as surnames and takes the initials from the same reading, as pinyin-pro reads them alone', () => {
    expect(pinyinKeys('曾小贤')).toEqual({ full: 'zeng xiao xian', initials: 'zxx' });
    expect(pinyinKeys('欧阳娜娜')).toEqual({ full: 'ou yang na na', initials: 'oynn' });
    expect(pinyinKeys('单于飞')).toMatchObject({ initials: 'syf' });
    // One reading for both keys gives the same initials as pinyin-pro's own first-letter pattern.
    for (const name of ['张三明', '吕布', '乐嘉', '朴智恩', 'Tom李', '朱Zhu', '张 三', '李1号', '区志强', '解晓东', '查理']) {
      const first = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', pattern: 'first' }).map((s) => s.trim().toLowerCase()).join('');
      expect(pinyinKeys(name).initials, name).toBe(first);
    }
  });
});

// Common surnames (百家姓, compound ones too) and characters of given names, polyphonic ones included.
const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
);
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '慕容', '尉迟', '长孙', '万俟', '单于'];
const GIVEN = Array.from(
  '子涵欣怡梓萱诗雨思彤桐佳可馨浩宇俊杰轩然博文一鸣天佑明嘉梦琪晨曦雅婷志强建国秀英小红晓东丽娟海燕伟芳娜敏静磊洋勇军杰涛超霞平刚桂兰华玉凤秀云乐长行重朝传弘恒睿泽宸锦瑶彦曾的了单朴区仇解查沈乐曜翔鹏飞龙凯瑞淑贞惠珍莉萍颖露琳倩雪慧婧璐昊宏健毅俊彬斌辉丹阳',
);

describe('pinyin keys read a character at a time', () => {
  it('give pinyin-pro’s reading of the whole name for every surname with every given character, alone and in pairs', () => {
    const expectSame = (name: string) => {
      const whole = readWhole(name);
      expect(pinyinKeys(name), name).toEqual({ full: whole.join(' '), initials: whole.map((s) => s[0]).join('') });
    };
    for (const surname of [...SURNAMES, ...COMPOUND]) for (const g of GIVEN) expectSame(surname + g);
    let seed = 11;
    const pick = <T>(xs: readonly T[]) => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length]!;
    for (let i = 0; i < 20000; i++) expectSame(pick(i % 10 === 0 ? COMPOUND : SURNAMES) + pick(GIVEN) + pick(GIVEN));
    for (const name of ['张三 明', '李1号', 'Tom李', '王·丽', '𠀀明', '']) expectSame(name);
  });
});

describe('UUIDv7 ids', () => {
  it('are version 7, ordered by their millisecond, and distinct across many draws from the random pool', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => uuidv7(1_700_000_000_000 + Math.floor(i / 500)));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]!.slice(0, 13)).toBe('018bcfe5-6800');
    expect(ids[1999]! > ids[0]!).toBe(true);
  });

  it('made in one millisecond, sort in the order they were made; each carries its own time, a clock set back too', () => {
    const ms = 1_750_000_000_000;
    const run = Array.from({ length: 20000 }, () => uuidv7(ms));
    expect([...run].sort()).toEqual(run);
    expect(new Set(run).size).toBe(run.length);
    const stamp = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(new Set(run.map(stamp))).toEqual(new Set([ms]));
    for (const id of run) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const earlier = [uuidv7(ms - 5000), uuidv7(ms - 5000)];
    expect(earlier.map(stamp)).toEqual([ms - 5000, ms - 5000]);
    expect(earlier[1]! > earlier[0]!).toBe(true);
    // Back in that millisecond after ids of another, a new run starts from fresh random bits.
    const again = uuidv7(ms);
    expect(stamp(again)).toBe(ms);
    expect(run).not.toContain(again);
  });
});
