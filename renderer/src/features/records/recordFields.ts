import { RECORD_TEXT_FIELDS, recordFields, type RecordFields, type RecordView } from '../../../../shared/api/records';

export const RECORD_SHAPE = recordFields.shape;

/** The form's values: exactly the editable fields of a record. */
export function editableOf(record: RecordView): RecordFields {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(RECORD_SHAPE)) out[key] = record[key as keyof RecordFields];
  return out as RecordFields;
}

export { RECORD_TEXT_FIELDS };
export type { RecordFields };
