// The form renderer, shared by the builder's preview and (later) offline collection. Driven by
// the headless engine through a FormSession; only the current screen is mounted, so opening a
// 250-question form draws one screen, and moving on checks that screen's answers first.
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.ts';
import type { Form } from '../lib.ts';
import { Fill, type FillContext, useFill, useWatch } from './context.ts';
import { useFormLanguage } from './formLanguage.ts';
import { RepeatPage } from './RepeatPage.tsx';
import {
  innerSteps,
  nextPos,
  pagedRepeat,
  posOf,
  prevPos,
  type RepeatPos,
  repeatPositions,
} from './repeatSteps.ts';
import { NodeView } from './Sections.tsx';
import { FormSession, type SessionOptions } from './session.ts';
import { buildSteps, fieldInstances, type Mode, type Step, stepOf, stepRelevant } from './steps.ts';
import { FillToolbar } from './Toolbar.tsx';
import { domId, languageCode, languageName, languagesOf, textIn } from './tree.ts';

export interface FormViewProps {
  form: Form;
  fileLists?: Record<string, Record<string, string>[]>;
  /** Download addresses of attachments by file name; a media file missing here shows a note. */
  mediaUrls?: Record<string, string>;
  options?: SessionOptions;
  /** Called with the answers when the form is complete; without it the last screen says so. */
  onSubmit?: (answers: Record<string, unknown>, session: FormSession) => void;
  /** Lets a caller (a benchmark, a test) reach the session. */
  onSession?: (session: FormSession) => void;
  initialMode?: Mode;
  /** The layout when this device has no remembered choice (members: one question per screen). */
  defaultMode?: Mode;
}

const noUrls: Record<string, string> = {};

/** Text size and layout are a person's choice on their device: kept across forms. */
function remembered(key: 'mode' | 'largeText', value?: string): string | null {
  try {
    if (value !== undefined) localStorage.setItem(`coproduce.fill.${key}`, value);
    return localStorage.getItem(`coproduce.fill.${key}`);
  } catch {
    return null;
  }
}

/** The next screen in a direction that has something relevant on it, or -1. */
function nextStep(session: FormSession, steps: Step[], from: number, direction: 1 | -1): number {
  for (let i = from + direction; i >= 0 && i < steps.length; i += direction) {
    if (stepRelevant(session, steps[i]!)) return i;
  }
  return -1;
}

/** Back and Next/Finish: answers can make later screens relevant, so this watches the session. */
function FillNav({
  steps,
  at,
  onBack,
  inside,
}: {
  steps: Step[];
  at: number;
  onBack: (to: number) => void;
  /** Inside a paged repeat: whether it has screens before and after this one. */
  inside: { back: boolean; more: boolean } | null;
}): JSX.Element {
  const { t } = useI18n();
  const { session } = useFill();
  const state = useWatch(
    `nav#${at}#${steps.length}`,
    () => `${nextStep(session, steps, at, -1)} ${nextStep(session, steps, at, 1) >= 0}`,
  );
  const [prev, more] = state.split(' ');
  return (
    <div class="fill-nav">
      {(Number(prev) >= 0 || inside?.back) && (
        <button type="button" class="button button-secondary" onClick={() => onBack(Number(prev))}>
          {t('forms.fill.back')}
        </button>
      )}
      <button type="submit" class="button button-primary">
        {more === 'true' || inside?.more ? t('forms.fill.next') : t('forms.fill.finish')}
      </button>
    </div>
  );
}

export function FormView({
  form,
  fileLists = {},
  mediaUrls = noUrls,
  options,
  onSubmit,
  onSession,
  initialMode,
  defaultMode = 'pages',
}: FormViewProps): JSX.Element {
  const { t } = useI18n();
  const languages = useMemo(() => languagesOf(form), [form]);
  const [language, chooseLanguage] = useFormLanguage(form, languages);
  const session = useMemo(() => new FormSession(form, { ...options, language }), [form]);
  // The interface language can change under an open form: the form follows it (unless picked).
  const shownLanguage = useRef(language);
  useEffect(() => {
    if (shownLanguage.current === language) return;
    shownLanguage.current = language;
    session.setLanguage(language);
  }, [language, session]);
  const [mode, setMode] = useState<Mode>(() => {
    const chosen = remembered('mode');
    return initialMode ?? (chosen === 'single' || chosen === 'pages' ? chosen : defaultMode);
  });
  const [largeText, setLargeText] = useState(() => remembered('largeText') === 'yes');
  const steps = useMemo(() => buildSteps(session.tree, mode), [session, mode]);
  const [at, setAt] = useState(0);
  /** Where in a repeat's entries one-question-per-screen mode is; null: at its start. */
  const [sub, setSub] = useState<RepeatPos | null>(null);
  const [announce, setAnnounce] = useState('');
  const [done, setDone] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => onSession?.(session), [session]);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [at, done, sub]);

  const code = languageCode(language);
  const fill: FillContext = useMemo(
    () => ({ session, language, languageCode: code, fileLists, mediaUrls }),
    [session, language, code, fileLists, mediaUrls],
  );
  const step = steps[Math.min(at, steps.length - 1)];
  const repeat = pagedRepeat(step, mode);
  const positions = repeat ? repeatPositions(session, repeat) : [];
  const pos = repeat ? (sub ?? positions[0] ?? null) : null;
  const lastPos = (to: number) => {
    const r = pagedRepeat(steps[to], mode);
    return r ? (repeatPositions(session, r).at(-1) ?? null) : null;
  };
  const find = (from: number, direction: 1 | -1) => nextStep(session, steps, from, direction);
  const focusFirst = (keys: string[]) => {
    const first = keys[0];
    if (!first) return;
    const [path, idx] = first.split('#') as [string, string];
    const indexes = idx ? idx.split('.').map(Number) : [];
    setTimeout(() => document.getElementById(domId(path, indexes))?.focus(), 0);
  };
  const checkStep = (): boolean => {
    if (!step) return true;
    const fields =
      repeat && pos
        ? 'entry' in pos
          ? fieldInstances(session, innerSteps(repeat)[pos.inner]?.nodes ?? [], [pos.entry])
          : []
        : fieldInstances(session, step.nodes, []);
    const failing = session.checkAll(fields);
    if (failing.length === 0) return true;
    setAnnounce(t('forms.fill.problems', { count: failing.length }));
    focusFirst(failing);
    return false;
  };
  const go = (to: number, back = false) => {
    moved.current = true;
    setAnnounce('');
    setSub(back ? lastPos(to) : null);
    setAt(to);
  };
  const moveSub = (to: RepeatPos) => {
    moved.current = true;
    setAnnounce('');
    setSub(to);
  };
  const back = (to: number) => {
    const before = pos && prevPos(positions, pos);
    if (before) moveSub(before);
    else go(to, true);
  };
  const next = () => {
    if (!checkStep()) return;
    const after = pos && nextPos(repeatPositions(session, repeat!), pos);
    if (after) return moveSub(after);
    const to = find(at, 1);
    if (to >= 0) go(to);
    else finish();
  };
  const finish = () => {
    const problems = session.validateAll();
    if (problems.length > 0) {
      const first = problems[0]!;
      const target = stepOf(steps, first.path);
      if (target >= 0 && target !== at) setAt(target);
      const r = pagedRepeat(steps[target], mode);
      if (r) setSub(first.repeatIndexes.length ? posOf(r, first.path, first.repeatIndexes[0]!) : null);
      setAnnounce(t('forms.fill.problems', { count: problems.length }));
      focusFirst([`${first.path}#${first.repeatIndexes.join('.')}`]);
      return;
    }
    moved.current = true;
    setDone(true);
    onSubmit?.(session.finish(), session);
  };
  const changeLanguage = (next: string) => chooseLanguage(next);
  const changeMode = (next: Mode) => {
    const path = step?.nodes[0]?.path;
    setMode(next);
    setSub(null);
    remembered('mode', next);
    const nextSteps = buildSteps(session.tree, next);
    setAt(Math.max(0, path ? stepOf(nextSteps, path) : 0));
  };
  const title = textIn({ default: form.settings.formTitle ?? '' }, 'default') || form.settings.formId || '';
  const position = steps.slice(0, at + 1).filter((s) => stepRelevant(session, s)).length;
  const context = step?.context.map((g) => textIn(g.item.label, language) || g.item.name).join(' › ');

  return (
    <Fill.Provider value={fill}>
      <div class={largeText ? 'fill fill-large' : 'fill'} lang={code}>
        <FillToolbar
          languages={languages.map((l) => ({
            value: l,
            label: languageName(l, t('forms.fill.languageDefault')),
          }))}
          language={language}
          onLanguage={changeLanguage}
          mode={mode}
          onMode={changeMode}
          largeText={largeText}
          onLargeText={(on) => {
            setLargeText(on);
            remembered('largeText', on ? 'yes' : 'no');
          }}
        />
        <div class="status" role="alert" aria-live="assertive">
          {announce && <p class="notice notice-error">{announce}</p>}
        </div>
        {done ? (
          <div class="fill-done">
            <h2 ref={heading} tabIndex={-1}>
              {t('forms.fill.done')}
            </h2>
            <p>{t('forms.fill.doneHint')}</p>
            {/* Finishing is not the end of looking: go back to the last screen to check or change. */}
            <div class="fill-nav">
              <button
                type="button"
                class="button button-secondary"
                onClick={() => {
                  moved.current = true;
                  setDone(false);
                }}
              >
                {t('forms.fill.back')}
              </button>
            </div>
          </div>
        ) : step ? (
          <form
            class="fill-step"
            noValidate
            aria-labelledby="fill-step-heading"
            onSubmit={(e) => {
              e.preventDefault();
              next();
            }}
          >
            <p class="fill-progress">
              {t('forms.fill.progress', { at: position, count: steps.length })}
              {context ? ` · ${context}` : ''}
            </p>
            <h2 id="fill-step-heading" ref={heading} tabIndex={-1} class="visually-hidden">
              {title}
            </h2>
            {repeat && pos ? (
              <RepeatPage node={repeat} pos={pos} onPos={moveSub} />
            ) : (
              step.nodes.map((node) => <NodeView key={node.path} node={node} indexes={[]} />)
            )}
            <FillNav
              steps={steps}
              at={at}
              onBack={back}
              inside={
                pos
                  ? { back: Boolean(prevPos(positions, pos)), more: Boolean(nextPos(positions, pos)) }
                  : null
              }
            />
          </form>
        ) : (
          <p>{t('forms.fill.empty')}</p>
        )}
      </div>
    </Fill.Provider>
  );
}
