/** Builds a WHERE clause from optional filters with named parameters only (no values in SQL text). */
export class Where {
  private readonly parts: string[] = [];
  readonly params: Record<string, unknown> = {};

  constructor(...always: string[]) {
    this.parts.push(...always);
  }

  /** Adds `sql` when value is defined (and not empty), binding it as @name. */
  when(value: unknown, name: string, sql: string): this {
    if (value === undefined || value === null || value === '') return this;
    this.parts.push(sql);
    this.params[name] = value;
    return this;
  }

  raw(sql: string, params: Record<string, unknown>): this {
    this.parts.push(sql);
    Object.assign(this.params, params);
    return this;
  }

  get sql(): string {
    return this.parts.length === 0 ? '1 = 1' : this.parts.join(' AND ');
  }
}
