// Download names: the workshop's name, made safe for every file system, and what the file is.

const MAX_BASE_LENGTH = 80;

/**
 * The workshop's name as the start of a file name: letters and digits of any script kept (a Korean name stays
 * Korean), everything else a single dash, lower case, at most 80 characters; "workshop" when nothing is left.
 */
export function fileBaseName(workshopName: string): string {
  const base = workshopName
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...base].slice(0, MAX_BASE_LENGTH).join('').replace(/-+$/, '');
  return cut || 'workshop';
}

export type ExportKind = 'json' | 'markdown' | 'png' | 'svg';

const SUFFIX: Record<ExportKind, string> = {
  json: '.eventstorm.json',
  markdown: '.report.md',
  png: '.png',
  svg: '.svg',
};

/** `e-commerce-order-management-system.eventstorm.json`, `주문-관리.report.md`, … */
export function exportFileName(workshopName: string, kind: ExportKind): string {
  return fileBaseName(workshopName) + SUFFIX[kind];
}
