import { create } from 'zustand';
import type { InputOf, OutputOf } from '../../../shared/api/contract';
import type { StudentListItem } from '../../../shared/api/students';
import { api } from '../api/client';

export type RosterQuery = Omit<InputOf<'students.list'>, 'page' | 'pageSize'> & { page: number; pageSize: number };
export type ClassCount = OutputOf<'students.classes'>['items'][number];

export const ROSTER_PAGE_SIZE = 50;
const FIRST_PAGE: RosterQuery = { sort: 'name', page: 1, pageSize: ROSTER_PAGE_SIZE };

interface RosterState {
  query: RosterQuery;
  items: StudentListItem[];
  total: number;
  loading: boolean;
  error: unknown;
  classes: ClassCount[];
  /** Changes the query; any change other than the page goes back to page 1. */
  setQuery(patch: Partial<RosterQuery>): Promise<void>;
  load(): Promise<void>;
  loadClasses(): Promise<void>;
  reset(): void;
}

// Only the newest request may fill the table: typing fast sends several searches.
let latest = 0;

export const useRoster = create<RosterState>()((set, get) => ({
  query: FIRST_PAGE,
  items: [],
  total: 0,
  loading: false,
  error: null,
  classes: [],

  async setQuery(patch) {
    const page = patch.page ?? 1;
    set({ query: { ...get().query, ...patch, page } });
    await get().load();
  },

  async load() {
    const ticket = ++latest;
    set({ loading: true, error: null });
    try {
      const { query } = get();
      const page = await api.students.list({ ...query, query: query.query || undefined });
      if (ticket === latest) set({ items: page.items, total: page.total, loading: false });
    } catch (error) {
      if (ticket === latest) set({ error, loading: false });
    }
  },

  async loadClasses() {
    const { items } = await api.students.classes({});
    set({ classes: items });
  },

  reset() {
    latest++;
    set({ query: FIRST_PAGE, items: [], total: 0, loading: false, error: null, classes: [] });
  },
}));
