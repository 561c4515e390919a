// Findings in templates read template-tolerantly (src/parse/template.ts): those that depend on what
// the template fills in are not reported — the placeholder is not the value — and the others say
// where they are, at the template's own line and column. A step of the engine's findings sink.

import type { FindingStep } from '../findings/sink.js';
import type { SourceFile, TemplateInfo } from '../model/types.js';
import { dialectName, PLACEHOLDER_MARK } from '../parse/template.js';

/** The step, reading the model's files when the first finding passes (after every file was read). */
export function templateFindingStep(files: () => readonly SourceFile[]): FindingStep {
  let templates: Map<string, TemplateInfo> | undefined;
  return (finding) => {
    templates ??= new Map(files().filter((file) => file.template).map((file) => [file.path, file.template!]));
    const template = templates.get(finding.file);
    if (!template || finding.check === 'file/template') return finding;
    if ([finding.message, finding.suggestion].some((text) => text?.includes(PLACEHOLDER_MARK))) return undefined;
    if (finding.line !== undefined && template.taint.some((range) => within(finding.line!, finding.column, range))) return undefined;
    finding.message = `${finding.message} (in a ${dialectName(template.dialect)})`;
    return finding;
  };
}

function within(line: number, column: number | undefined, [fromLine, fromColumn, toLine, toColumn]: [number, number, number, number]): boolean {
  if (line < fromLine || line > toLine) return false;
  if (column === undefined) return true;
  return (line > fromLine || column >= fromColumn) && (line < toLine || column <= toColumn);
}
