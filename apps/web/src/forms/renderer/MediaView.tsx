// Media of a question or choice (image, big-image, audio, video in the form language) and the
// guidance hint behind a disclosure. Files come from the form's attachments: `mediaUrls` maps a
// file name to its download address; a file that is not attached shows a note, never a broken image.
import type { JSX } from 'preact';
import { useI18n } from '../../i18n/i18n.ts';
import type { Translated } from '../lib.ts';
import { useFill } from './context.ts';
import { textIn } from './tree.ts';

type MediaKind = 'image' | 'big-image' | 'audio' | 'video';
export type MediaFiles = Partial<Record<MediaKind, Translated>>;

export function hasMedia(media: MediaFiles | undefined, language: string): boolean {
  if (!media) return false;
  return (['image', 'big-image', 'audio', 'video'] as const).some((k) => textIn(media[k], language) !== '');
}

export function MediaView({
  media,
  label,
}: {
  media: MediaFiles | undefined;
  label: string;
}): JSX.Element | null {
  const { language, mediaUrls } = useFill();
  const { t } = useI18n();
  if (!media || !hasMedia(media, language)) return null;
  const image = textIn(media.image, language);
  const big = textIn(media['big-image'], language);
  const audio = textIn(media.audio, language);
  const video = textIn(media.video, language);
  const missing = (file: string) => (
    <p class="notice fq-media-missing">{t('forms.fill.mediaMissing', { file })}</p>
  );
  const url = (file: string) => mediaUrls[file];
  return (
    <div class="fq-media">
      {image &&
        (url(image) ? (
          big && url(big) ? (
            <a href={url(big)} target="_blank" rel="noopener" class="fq-media-link">
              <img src={url(image)} alt={label} class="fq-image" loading="lazy" />
              <span class="visually-hidden"> {t('forms.fill.bigImage')}</span>
            </a>
          ) : (
            <img src={url(image)} alt={label} class="fq-image" loading="lazy" />
          )
        ) : (
          missing(image)
        ))}
      {big &&
        !image &&
        (url(big) ? <img src={url(big)} alt={label} class="fq-image" loading="lazy" /> : missing(big))}
      {big && image && url(image) && !url(big) && missing(big)}
      {audio &&
        (url(audio) ? (
          // biome-ignore lint/a11y/useMediaCaption: form audio is a recorded question; its text is the label.
          <audio controls preload="none" src={url(audio)} aria-label={t('forms.fill.audioOf', { label })} />
        ) : (
          missing(audio)
        ))}
      {video &&
        (url(video) ? (
          // biome-ignore lint/a11y/useMediaCaption: captions are the form author's to attach.
          <video
            controls
            preload="none"
            src={url(video)}
            class="fq-video"
            aria-label={t('forms.fill.videoOf', { label })}
          />
        ) : (
          missing(video)
        ))}
    </div>
  );
}

export function GuidanceView({ text, lang }: { text: string; lang: string | undefined }): JSX.Element | null {
  const { t } = useI18n();
  if (!text) return null;
  return (
    <details class="fq-guidance">
      <summary>{t('forms.fill.moreGuidance')}</summary>
      <p lang={lang}>{text}</p>
    </details>
  );
}
