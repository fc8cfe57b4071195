import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../../../domain/meeting/rule-kit.ts';
import { currentTurn, problemsOf } from '../../../../../domain/meeting/selectors.ts';
import { Button } from '../../../../ui/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { SubmitOrCancel } from '../../../../ui/SubmitOrCancel.tsx';
import type { Room } from '../model.ts';
import { refusalText } from '../refusal.ts';

/** The presenter picks which of their problems is on the floor, or brings a new one. */
export function ChooseProblem({ room }: { room: Room }) {
  const { t } = useTranslation();
  const id = useId();
  const problems = problemsOf(room.state, room.me);
  const current = currentTurn(room.state)?.problemId ?? '';
  const [choice, setChoice] = useState(problems.find((p) => p.problemId !== current)?.problemId ?? '');
  const [bringing, setBringing] = useState(problems.length === 0);
  const [title, setTitle] = useState('');
  const [statement, setStatement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mayBring = room.can({ type: 'problem.new', title: 'x', statement: 'x' });

  const bring = (event: FormEvent) => {
    event.preventDefault();
    const command = { type: 'problem.new', title: title.trim(), statement: statement.trim() } as const;
    const verdict = room.verdict(command);
    if (!verdict.ok) return setError(refusalText(t, verdict.refusal));
    setError(null);
    room.send(command);
  };

  return (
    <div className="choose-problem">
      {problems.length > 0 && !bringing ? (
        <form
          className="inline-form__row"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) room.send({ type: 'problem.choose', problemId: choice });
          }}
        >
          <SelectField
            id={`${id}-choice`}
            label={t('meeting.problem.choose')}
            options={problems.map((p) => ({ value: p.problemId, label: p.title }))}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
          />
          <Button type="submit" small variant="secondary" disabled={!choice || choice === current}>
            {t('meeting.problem.present')}
          </Button>
        </form>
      ) : null}
      {mayBring && !bringing ? (
        <Button variant="quiet" small onClick={() => setBringing(true)}>
          {t('meeting.problem.bringNew')}
        </Button>
      ) : null}
      {mayBring && bringing ? (
        <form noValidate className="room-form" onSubmit={bring}>
          {error ? (
            <p className="inline-error" role="alert">
              {error}
            </p>
          ) : null}
          <TextField
            id={`${id}-title`}
            label={t('meeting.problem.newTitle')}
            maxLength={textLimits.title}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <TextAreaField
            id={`${id}-statement`}
            label={t('meeting.problem.newStatement')}
            rows={3}
            maxLength={textLimits.long}
            value={statement}
            onChange={(e) => setStatement(e.target.value)}
          />
          <SubmitOrCancel
            className="room-form__actions"
            submit={t('meeting.problem.bring')}
            onCancel={problems.length > 0 ? () => setBringing(false) : undefined}
          />
        </form>
      ) : null}
    </div>
  );
}
