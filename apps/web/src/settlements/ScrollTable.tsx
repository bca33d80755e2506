// A table that scrolls sideways on a phone: the scrolling box is a named region a keyboard can
// reach (WCAG 2.1.1), so its hidden columns are never out of reach.
import type { ComponentChildren, JSX } from 'preact';

export function ScrollTable({
  labelledBy,
  children,
}: {
  labelledBy: string;
  children: ComponentChildren;
}): JSX.Element {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard.
    <section class="table-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      <table class="data-table">{children}</table>
    </section>
  );
}
