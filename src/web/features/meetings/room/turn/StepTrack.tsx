import { useTranslation } from 'react-i18next';
import { currentTurn } from '../../../../../domain/meeting/selectors.ts';
import type { Room } from '../model.ts';

/** The six steps, with the current one marked; the chair moves between them (never the clock). */
export function StepTrack({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { state } = room;
  const index = state.presenterIndex ?? 0;
  const visited = currentTurn(state)?.stepsVisited ?? [];
  return (
    <ol className="step-track" aria-label={t('meeting.turn.steps')}>
      {state.setup.presenterCycle.map((s, i) => {
        const current = s.key === state.step;
        const command = { type: 'presenter.goto', index, step: s.key } as const;
        const cls = [
          'step-track__item',
          current ? 'is-current' : '',
          visited.includes(s.key) && !current ? 'is-done' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <li key={s.key} className={cls} aria-current={current ? 'step' : undefined}>
            {room.controls && !current && room.can(command) ? (
              <button type="button" className="step-track__go" onClick={() => room.send(command)}>
                <span className="step-track__n" aria-hidden="true">
                  {i + 1}
                </span>
                {s.title}
              </button>
            ) : (
              <span className="step-track__label">
                <span className="step-track__n" aria-hidden="true">
                  {i + 1}
                </span>
                {s.title}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
