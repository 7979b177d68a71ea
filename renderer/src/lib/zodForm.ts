import type { FormInstance, FormRule } from 'antd';
import { z } from 'zod';
import { CounselError } from '../../../shared/api/errors';
import { issueMessage, showErrorOnForm } from './errors';

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** An antd rule that checks one field with the contract's own schema for it. */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value, { reportInput: true });
      if (result.success) return;
      const issue = result.error.issues[0];
      // zod reports a missing value as a type error; people expect "required".
      throw new Error(isBlank(value) || !issue ? issueMessage({ code: 'invalid_type', input: value }) : issueMessage(issue));
    },
  };
}

/**
 * Parses a whole form's values with the contract schema (trimming, defaults) and
 * shows any issue on its field, the same way the core's VALIDATION errors are shown.
 */
export function parseForm<S extends z.ZodType>(form: FormInstance, schema: S, values: unknown): z.output<S> | null {
  const result = schema.safeParse(values, { reportInput: true });
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({ ...issue, path: issue.path.map(String).join('.') }));
  showErrorOnForm(form, new CounselError('VALIDATION', 'errors.validation', details));
  return null;
}

/** The length cap a text schema enforces, for the input's maxLength and counter. */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
    s = s.unwrap() as z.ZodType;
  }
  return s instanceof z.ZodString ? (s.maxLength ?? undefined) : undefined;
}
