import type { Indexes } from '../session.ts';
import type { QuestionNode } from '../tree.ts';

/** What every widget gets: the question, its current answer and a way to change it. */
export interface WidgetProps {
  node: QuestionNode;
  indexes: Indexes;
  /** id of the input that the question's <label for> names (or of the group's first input). */
  id: string;
  /** id of the visible question text, for fieldsets and groups of inputs (aria-labelledby). */
  labelId: string;
  /** ids of hint and error texts (aria-describedby). */
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
  readOnly: boolean;
  value: string;
  setValue: (value: string | string[]) => void;
}

/** `appearance` cell words: `minimal`, `multiline`, `quick`… */
export function appearances(node: QuestionNode): Set<string> {
  return new Set((node.item.bind.appearance ?? '').toLowerCase().split(/\s+/).filter(Boolean));
}
