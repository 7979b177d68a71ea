import { z } from 'zod';
import { defineMethod } from './define';
import { requiredText } from './fields';

/** `alert`: the note written when an alert was handled. */
export const SEARCH_SOURCES = ['record', 'addendum', 'contact', 'alert'] as const;

export const searchHit = z.object({
  source: z.enum(SEARCH_SOURCES),
  /** The record, addendum, contact or alert id. */
  id: z.string(),
  /** The session record to open (the record itself, or the one an addendum belongs to); null for a contact. */
  recordId: z.string().nullable(),
  caseId: z.string().nullable(),
  studentId: z.string().nullable(),
  clientLabel: z.string(),
  date: z.string(),
  /** Session records only. */
  signed: z.boolean().nullable(),
  snippet: z.object({
    /** Plain text; render it as text, never as HTML. */
    text: z.string(),
    /** [start, end) UTF-16 offsets into text of each match, to wrap in a highlight. */
    highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  }),
});
export type SearchHit = z.output<typeof searchHit>;

export const searchApi = {
  'search.notes': defineMethod({
    summary:
      'Full-text search over session records, addenda, contact summaries and alert-handling notes, Chinese by character bigrams: words separated by spaces or punctuation must all match, a Chinese word as written (情绪低落 as a phrase). Best match first (bm25), newer first on a tie, ranked among the 1,000 most recently written matching notes: with more matches than that, `capped` is true and `total` is 1,000 (the screen shows “more than 1,000” and asks for another word), with a ~60-character snippet. A single Chinese character is refused (VALIDATION errors.search.singleCharacter), as is a query with no letter, digit or Chinese character (errors.search.noTerms). Audited without the query text.',
    input: z
      .object({
        query: requiredText(100),
        page: z.number().int().min(1).max(1000).default(1),
        pageSize: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ items: z.array(searchHit), total: z.number().int(), capped: z.boolean() }),
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
} as const;
