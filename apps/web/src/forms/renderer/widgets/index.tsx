// Which widget answers which question type. `grouped` widgets are several inputs under one
// question text (a fieldset named by it) rather than one input with a <label for>.
import type { ComponentType } from 'preact';
import { SelectMultipleWidget, SelectOneWidget } from './choices.tsx';
import { GeoWidget } from './geo.tsx';
import { AcknowledgeWidget, FileWidget } from './media.tsx';
import { RankWidget } from './rank.tsx';
import { DateWidget, NoteWidget, NumberWidget, RangeWidget, TextWidget } from './text.tsx';
import type { WidgetProps } from './types.ts';

export interface Widget {
  View: ComponentType<WidgetProps>;
  grouped: boolean;
}

const widgets: Record<string, Widget> = {
  integer: { View: NumberWidget, grouped: false },
  decimal: { View: NumberWidget, grouped: false },
  date: { View: DateWidget, grouped: false },
  time: { View: DateWidget, grouped: false },
  dateTime: { View: DateWidget, grouped: false },
  range: { View: RangeWidget, grouped: false },
  note: { View: NoteWidget, grouped: false },
  select_one: { View: SelectOneWidget, grouped: true },
  select_one_from_file: { View: SelectOneWidget, grouped: true },
  select_multiple: { View: SelectMultipleWidget, grouped: true },
  select_multiple_from_file: { View: SelectMultipleWidget, grouped: true },
  rank: { View: RankWidget, grouped: true },
  geopoint: { View: GeoWidget, grouped: true },
  geotrace: { View: GeoWidget, grouped: true },
  geoshape: { View: GeoWidget, grouped: true },
  image: { View: FileWidget, grouped: false },
  audio: { View: FileWidget, grouped: false },
  video: { View: FileWidget, grouped: false },
  file: { View: FileWidget, grouped: false },
  acknowledge: { View: AcknowledgeWidget, grouped: true },
};

/** Types we keep but do not support (barcode, osm…) are answered as text rather than hidden. */
const fallback: Widget = { View: TextWidget, grouped: false };

export function widgetFor(type: string): Widget {
  return widgets[type] ?? fallback;
}

export function selectGrouped(type: string, minimal: boolean): boolean {
  return widgetFor(type).grouped && !(minimal && type.startsWith('select_one'));
}
