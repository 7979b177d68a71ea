/** Hours as the register keeps them: one decimal, so 1.5 and 2.0 line up in a column. */
export function hoursText(hours: number): string {
  return hours.toFixed(1);
}
