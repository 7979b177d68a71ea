import { useState } from 'react';
import { ImportPage } from '../import/ImportPage';
import { RosterPage } from './RosterPage';

/** The 学生名册 menu entry: the roster, or the import screen reached from it. */
export function RosterArea() {
  const [importing, setImporting] = useState(false);
  return importing ? <ImportPage onClose={() => setImporting(false)} /> : <RosterPage onImport={() => setImporting(true)} />;
}
