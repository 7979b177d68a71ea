import dayjs, { type Dayjs } from 'dayjs';

/** Dates travel as 'YYYY-MM-DD' strings; the picker works with dayjs values. */
export const dateProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

/** Times of day travel as 'HH:mm'. */
export const timeProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(`2000-01-01T${value}`) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('HH:mm') : null),
};

/** Instants travel as epoch ms. */
export const instantProps = {
  getValueProps: (value: number | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.valueOf() : null),
};
