import type { FormView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';

const PAGE = 200;

/**
 * A student's forms still in progress, oldest first: a kiosk left mid-way (a crash, a power cut) or
 * a paper form half typed, to be continued rather than started again.
 */
export async function formsInProgress(studentId: string, scaleId?: string): Promise<FormView[]> {
  const found: FormView[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await api.assessments.ofStudent({ studentId, status: 'inProgress', page, pageSize: PAGE, ...(scaleId ? { scaleId } : {}) });
    found.push(...items);
    if (items.length === 0 || found.length >= total) return found;
  }
}
