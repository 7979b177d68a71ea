/** CSS strings for the page margins: quoted, with the catalog's text escaped. */
const cssString = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

const PAGE = '%PAGE%';

/**
 * A4 page rules for a print view: a note in the top-right margin and the page number at the
 * bottom, its words from the catalog around CSS's own page counter (`pageLabel` gets a
 * placeholder for the number and returns the translated label).
 */
export function PrintPageStyle({ corner, pageLabel }: { corner: string; pageLabel: (page: string) => string }) {
  const [before = '', after = ''] = pageLabel(PAGE).split(PAGE);
  const css = `@media print { @page { size: A4; margin: 18mm 14mm;
    @top-right { content: ${cssString(corner)}; font-size: 9pt; }
    @bottom-center { content: ${cssString(before)} counter(page) ${cssString(after)}; font-size: 9pt; } } }`;
  return <style>{css}</style>;
}
