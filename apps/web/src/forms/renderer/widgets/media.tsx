// Files (image, audio, video, file) and acknowledge. A phone's file input offers the camera and
// recorder itself, so no custom capture UI is needed; the answer is the file name, as in ODK.
import type { JSX } from 'preact';
import { useI18n } from '../../../i18n/i18n.ts';
import { useFill } from '../context.ts';
import { keyOf } from '../session.ts';
import type { WidgetProps } from './types.ts';

const ACCEPT: Record<string, string> = { image: 'image/*', audio: 'audio/*', video: 'video/*', file: '' };

export function FileWidget(p: WidgetProps): JSX.Element {
  const { session } = useFill();
  const { t } = useI18n();
  const type = p.node.item.type;
  return (
    <div class="fq-file">
      <input
        id={p.id}
        type="file"
        accept={ACCEPT[type] || undefined}
        capture={type === 'file' ? undefined : 'environment'}
        disabled={p.readOnly}
        aria-describedby={p.describedBy}
        aria-invalid={p.invalid ? 'true' : undefined}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) session.files.set(keyOf(p.node.path, p.indexes), file);
          else session.files.delete(keyOf(p.node.path, p.indexes));
          p.setValue(file?.name ?? '');
        }}
      />
      {p.value && <p class="hint">{t('forms.fill.fileChosen', { name: p.value })}</p>}
    </div>
  );
}

export function AcknowledgeWidget(p: WidgetProps): JSX.Element {
  const { t } = useI18n();
  return (
    <label class="fq-choice fq-ack">
      <input
        id={p.id}
        type="checkbox"
        checked={p.value === 'OK'}
        disabled={p.readOnly}
        aria-describedby={p.describedBy}
        aria-invalid={p.invalid ? 'true' : undefined}
        onChange={(e) => p.setValue(e.currentTarget.checked ? 'OK' : '')}
      />
      <span>{t('forms.fill.acknowledge')}</span>
    </label>
  );
}
