/**
 * The on-screen privacy mask (counseling rooms have visitors): keep the first
 * and last character, star the middle. 张三明 → 张*明, 张三 → 张*, 欧阳娜娜 → 欧**娜.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
