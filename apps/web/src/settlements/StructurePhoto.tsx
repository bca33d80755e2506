// The photo the numbering form took of a structure: that submission's file, through the
// submission file endpoint (which decides who may see it). Until the phone has sent the file,
// the screen says so instead of showing a broken image.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { buildPath, routes } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';

export function StructurePhoto({
  workspaceId,
  number,
  photo,
}: {
  workspaceId: string;
  number: string;
  photo: { submissionId: string; fileName: string };
}): JSX.Element {
  const { t } = useI18n();
  const [missing, setMissing] = useState(false);
  const src = buildPath(routes.downloadSubmissionFile[1], { workspaceId, ...photo });
  return (
    <figure class="structure-photo">
      {missing ? (
        <p class="muted">{t('structure.photo.notYet')}</p>
      ) : (
        <img
          src={src}
          alt={t('structure.photo.alt', { number })}
          loading="lazy"
          onError={() => setMissing(true)}
        />
      )}
      <figcaption>{t('structure.photo.caption')}</figcaption>
    </figure>
  );
}
