// Filling a form on the phone, online or not: the shared renderer on the downloaded version, the
// answers saved as a sealed draft ("Save draft", and resumed from it), and on finishing moved to the
// outbox and sent at once when there is a connection. A form that numbers or visits structures
// offers the assignment's numbered structures to pick from, and warns before finishing when its
// painted number is used already (StructurePicker.tsx).
import type { Assignment, Structure, SubmissionItem } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Form } from '../forms/lib.ts';
import { FormView } from '../forms/renderer/FormView.tsx';
import type { FormSession } from '../forms/renderer/session.ts';
import { domId } from '../forms/renderer/tree.ts';
import { PlaceContext, type PlaceOnMap } from '../forms/renderer/widgets/place.ts';
import { useI18n } from '../i18n/i18n.ts';
import { type CollectCache, latestVersion, readCollectCache, versionOf } from '../offline/download.ts';
import { newInstanceId } from '../offline/ids.ts';
import type { UserStore, Work } from '../offline/store.ts';
import { sendOutbox } from '../offline/sync.ts';
import { navigate, paths } from '../router.ts';
import { Button } from '../ui/forms.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { type FormMedia, openMedia } from './media.ts';
import { PhoneMap } from './PhoneMap.tsx';
import { areaOf, type PhoneArea } from './phone-area.ts';
import { keepFiles } from './photos.ts';
import { DuplicateWarning, StructurePicker } from './StructurePicker.tsx';
import {
  type NumberHolder,
  numberHolders,
  pickedAnswers,
  type StructureQuestions,
  structureQuestions,
  structuresOf,
} from './structure-pick.ts';

type Start = { formId: string } | { workId: string };

interface Opened {
  /** Media by file name (object URLs of the downloaded bytes, released on close) and parsed CSVs. */
  media: FormMedia;
  form: Form;
  title: string;
  item: SubmissionItem;
  draft: Work | null;
  cache: CollectCache;
  assignment: Assignment | undefined;
  /** The questions saving to the `structures` list and the structures the phone holds for them. */
  questions: StructureQuestions;
  structures: Structure[];
}

/** A tap on the researcher's area answers a geopoint (the renderer's "Place on the map"). */
function placeIn(area: PhoneArea | null, label: string, hint: string): PlaceOnMap | null {
  if (!area) return null;
  return ({ point, onPlace }) => (
    <PhoneMap area={area} label={label} hint={hint} marked={point} onTap={(at) => onPlace(at)} />
  );
}

function withStructures(cache: CollectCache, form: Form, assignment: Assignment | undefined) {
  const questions = structureQuestions(form);
  return {
    cache,
    assignment,
    questions,
    structures: questions.number ? structuresOf(cache, assignment) : [],
  };
}

async function open(store: UserStore, workspaceId: string, start: Start): Promise<Opened | string> {
  const cache = await readCollectCache(store, workspaceId);
  if ('workId' in start) {
    const found = await store.get(start.workId);
    if (!found) return 'collect.fill.missing';
    if (found.kind !== 'draft') return 'collect.fill.finalized';
    const { item } = found.work;
    const version = versionOf(cache, item.formId, item.formVersion);
    if (!version) return 'collect.fill.noVersion';
    const title = cache.forms[item.formId]?.title ?? '';
    const form = version.model as unknown as Form;
    const assignment = item.assignmentId ? cache.assignments[item.assignmentId] : undefined;
    return {
      form,
      title,
      item,
      draft: found.work,
      media: openMedia(cache, item.formId),
      ...withStructures(cache, form, assignment),
    };
  }
  const version = latestVersion(cache, start.formId);
  if (!version) return 'collect.fill.noVersion';
  const assignment = Object.values(cache.assignments).find(
    (a) => a.formId === start.formId && a.status === 'active',
  );
  const item: SubmissionItem = {
    id: newInstanceId(),
    formId: start.formId,
    formVersion: version.number,
    answers: {},
    files: [],
    startedAt: new Date().toISOString(),
    ...(assignment ? { assignmentId: assignment.id } : {}),
  };
  const form = version.model as unknown as Form;
  return {
    form,
    title: cache.forms[start.formId]?.title ?? '',
    media: openMedia(cache, start.formId),
    item,
    draft: null,
    ...withStructures(cache, form, assignment),
  };
}

export function FillScreen({
  store,
  workspaceId,
  start,
}: {
  store: UserStore;
  workspaceId: string;
  start: Start;
}): JSX.Element {
  const { t } = useI18n();
  const [opened, setOpened] = useState<Opened | string | null>(null);
  const [saving, setSaving] = useState(false);
  const [picked, setPicked] = useState<Structure | null>(null);
  const [warning, setWarning] = useState<{ number: string; holders: NumberHolder[] } | null>(null);
  const session = useRef<FormSession | null>(null);
  // The form's callbacks are made once per opening, so they read the pick through a ref.
  const pickedRef = useRef<Structure | null>(null);
  pickedRef.current = picked;
  const key = 'workId' in start ? start.workId : start.formId;
  useEffect(() => {
    let opening: Opened | string | null = null;
    let closed = false;
    void open(store, workspaceId, start).then((o) => {
      opening = o;
      // Closed before the cache was read: nobody will show these URLs, give them back now.
      if (closed && typeof o !== 'string') o.media.release();
      else {
        setOpened(o);
        const pickedId = typeof o === 'string' ? undefined : o.draft?.structureId;
        setPicked((typeof o !== 'string' && pickedId && o.cache.structures[pickedId]) || null);
      }
    });
    return () => {
      closed = true;
      if (opening && typeof opening !== 'string') opening.media.release();
    };
  }, [store, workspaceId, key]);

  /** Before finishing: the other structures and forms on this phone with this painted number. */
  const holdersOf = async (filled: FormSession, o: Opened) => {
    const number = o.questions.number ? filled.engine.getAnswer(o.questions.number) : '';
    if (!number.trim()) return null;
    const [drafts, outbox] = await Promise.all([store.list('draft'), store.list('outbox')]);
    const holders = numberHolders({
      number,
      settlementId: o.assignment?.settlementId ?? null,
      pickedStructureId: pickedRef.current?.id,
      ownId: o.item.id,
      cache: o.cache,
      drafts: drafts.filter((w) => w.workspaceId === workspaceId),
      outbox: outbox.filter((w) => w.workspaceId === workspaceId),
      formOf: (w) =>
        (versionOf(o.cache, w.item.formId, w.item.formVersion)?.model as unknown as Form | undefined) ?? null,
    });
    return holders.length ? { number, holders } : null;
  };

  const save = async (filled: FormSession, finalize: boolean, anyway = false) => {
    if (!opened || typeof opened === 'string') return;
    if (finalize && !anyway) {
      const found = await holdersOf(filled, opened);
      setWarning(found);
      if (found) return;
    }
    setSaving(true);
    try {
      const savedAt = new Date().toISOString();
      const { answers, files, fileData } = await keepFiles(filled, opened.draft);
      await store.saveDraft({
        workspaceId,
        item: { ...opened.item, answers, files },
        savedAt,
        fileData,
        ...(pickedRef.current ? { structureId: pickedRef.current.id } : {}),
      });
      if (finalize) {
        await store.finalize(opened.item.id);
        if (navigator.onLine) void sendOutbox(store).catch(() => {});
      }
      navigate(paths.collect(workspaceId));
    } finally {
      setSaving(false);
    }
  };

  // What the phone's maps draw: the assignment's settlement, its sections, the structures held.
  const area = useMemo(() => {
    if (!opened || typeof opened === 'string') return null;
    const { cache, assignment } = opened;
    return areaOf(cache, assignment, structuresOf(cache, assignment));
  }, [opened]);

  const view = useMemo(() => {
    if (!opened || typeof opened === 'string') return null;
    const place = placeIn(area, t('collect.map.placeLabel'), t('collect.map.placeHint'));
    return (
      <PlaceContext.Provider value={place}>
        <FormView
          form={opened.form}
          mediaUrls={opened.media.mediaUrls}
          fileLists={opened.media.fileLists}
          onSession={(s) => {
            session.current = s;
            if (opened.draft) {
              s.engine.loadAnswers(opened.draft.item.answers);
              s.refresh();
            }
          }}
          onSubmit={(_answers, filled) => void save(filled, true)}
        />
      </PlaceContext.Provider>
    );
  }, [opened]);

  const pick = (structure: Structure) => {
    if (!opened || typeof opened === 'string' || !session.current) return;
    const code = structure.sectionId ? opened.cache.sections[structure.sectionId]?.code : undefined;
    for (const [path, answer] of Object.entries(pickedAnswers(opened.questions, structure, code)))
      session.current.answer(path, [], answer);
    setPicked(structure);
    setWarning(null);
  };

  if (opened === null) return <Loading />;
  if (typeof opened === 'string')
    return (
      <Screen title={t('collect.fill.heading')}>
        <p class="notice notice-error" role="alert">
          {t(opened as 'collect.fill.missing')}
        </p>
        <a href={paths.collect(workspaceId)}>{t('collect.back')}</a>
      </Screen>
    );
  return (
    <Screen title={opened.title || t('collect.fill.heading')} wide>
      <p class="collect-fill-bar">
        <a href={paths.collect(workspaceId)}>{t('collect.back')}</a>
        <Button
          variant="secondary"
          disabled={saving}
          onClick={() => session.current && void save(session.current, false)}
        >
          {t('collect.fill.saveDraft')}
        </Button>
      </p>
      <p class="hint">{t('collect.fill.hint')}</p>
      {opened.structures.length > 0 && (
        <StructurePicker
          area={area}
          structures={opened.structures}
          sections={opened.cache.sections}
          picked={picked}
          onPick={pick}
        />
      )}
      {view}
      {warning && (
        <DuplicateWarning
          number={warning.number}
          holders={warning.holders}
          sections={opened.cache.sections}
          formTitle={(formId) => opened.cache.forms[formId]?.title ?? opened.title}
          onFinish={() => session.current && void save(session.current, true, true)}
          onChange={() => {
            setWarning(null);
            const path = opened.questions.number;
            if (path) document.getElementById(domId(path, []))?.focus();
          }}
        />
      )}
    </Screen>
  );
}
