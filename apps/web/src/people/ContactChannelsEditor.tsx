// Ways to reach a person, in their order of preference: add, remove, move up and down.
// Many people have no email or phone: post, care-of, notice board and in person are as good.
import type { ContactChannelKind } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { Button, SelectField, TextArea, TextField } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { type ChannelDraft, channelFields, channelKinds, emptyDraft, move } from './channels.ts';

export function ContactChannelsEditor({
  channels,
  onChange,
  errors,
  readOnly,
  self = false,
}: {
  channels: ChannelDraft[];
  onChange: (channels: ChannelDraft[]) => void;
  errors: Record<string, string>;
  readOnly: boolean;
  /** The person is the reader: "How to reach you". */
  self?: boolean;
}): JSX.Element {
  const { t } = useI18n();
  const [newKind, setNewKind] = useState<ContactChannelKind>('post');
  const [announce, setAnnounce] = useState('');
  const kindOptions = channelKinds.map((kind) => ({ value: kind, label: t(`channel.${kind}`) }));

  const update = (index: number, patch: Partial<ChannelDraft>) =>
    onChange(channels.map((channel, i) => (i === index ? { ...channel, ...patch } : channel)));
  const reorder = (index: number, to: number) => {
    onChange(move(channels, index, to));
    setAnnounce(t('channels.moved', { kind: t(`channel.${channels[index]!.kind}`), position: to + 1 }));
  };

  return (
    <fieldset class="group">
      <legend>{t(self ? 'channels.title.self' : 'channels.title')}</legend>
      <p class="hint">{t(self ? 'channels.hint.self' : 'channels.hint')}</p>
      <p class="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {channels.length === 0 && <p>{t(self ? 'channels.none.self' : 'channels.none')}</p>}
      {channels.length > 0 && (
        <ol class="channel-list">
          {channels.map((channel, index) => {
            const id = `channel-${channel.key}`;
            const path = `contactChannels.${index}`;
            const kind = t(`channel.${channel.kind}`);
            // Said after the visible word, so the spoken name starts with what is seen (WCAG 2.5.3).
            const which = t('channels.which', { kind, position: index + 1 });
            return (
              <li key={channel.key} class="card channel">
                <p class="channel-title">
                  <strong>{t('channels.position', { position: index + 1, kind })}</strong>
                </p>
                {readOnly ? (
                  <ReadOnlyChannel channel={channel} />
                ) : (
                  <>
                    {channelFields[channel.kind].map((field) =>
                      field === 'address' ? (
                        <TextArea
                          key={field}
                          id={`${id}-${field}`}
                          label={t(
                            channel.kind === 'email' ? 'channels.field.email' : 'channels.field.address',
                          )}
                          value={channel.address}
                          onValue={(value) => update(index, { address: value })}
                          error={errors[`${path}.address`]}
                          rows={channel.kind === 'email' ? 1 : 3}
                        />
                      ) : (
                        <TextField
                          key={field}
                          id={`${id}-${field}`}
                          type={field === 'phone' ? 'tel' : 'text'}
                          label={t(
                            self && field === 'where'
                              ? 'channels.field.where.self'
                              : `channels.field.${field}`,
                          )}
                          value={channel[field]}
                          onValue={(value) => update(index, { [field]: value })}
                          error={errors[`${path}.${field}`]}
                        />
                      ),
                    )}
                    <TextField
                      id={`${id}-note`}
                      label={t('channels.field.note')}
                      value={channel.note}
                      onValue={(value) => update(index, { note: value })}
                      error={errors[`${path}.note`]}
                    />
                    <div class="row-actions">
                      <Button
                        variant="secondary"
                        icon={<Icon name="up" />}
                        disabled={index === 0}
                        onClick={() => reorder(index, index - 1)}
                      >
                        {t('channels.up')}
                        <span class="visually-hidden"> {which}</span>
                      </Button>
                      <Button
                        variant="secondary"
                        icon={<Icon name="down" />}
                        disabled={index === channels.length - 1}
                        onClick={() => reorder(index, index + 1)}
                      >
                        {t('channels.down')}
                        <span class="visually-hidden"> {which}</span>
                      </Button>
                      <Button
                        variant="danger"
                        icon={<Icon name="trash" />}
                        onClick={() => {
                          onChange(channels.filter((_, i) => i !== index));
                          setAnnounce(t('channels.removed', { kind }));
                        }}
                      >
                        {t('channels.remove')}
                        <span class="visually-hidden"> {which}</span>
                      </Button>
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {!readOnly && (
        <div class="add-row">
          <SelectField
            id="channel-new-kind"
            label={t(self ? 'channels.add.kind.self' : 'channels.add.kind')}
            value={newKind}
            onValue={setNewKind}
            options={kindOptions}
          />
          <Button
            variant="secondary"
            icon={<Icon name="plus" />}
            onClick={() => onChange([...channels, emptyDraft(newKind)])}
          >
            {t('channels.add')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

function ReadOnlyChannel({ channel }: { channel: ChannelDraft }): JSX.Element {
  const values = [...channelFields[channel.kind].map((field) => channel[field]), channel.note].filter(
    Boolean,
  );
  return <p class="pre-line">{values.join('\n')}</p>;
}
