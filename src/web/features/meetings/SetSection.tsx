import { Outlet, useOutletContext, useParams } from 'react-router';
import type { LearningSet } from '../../../contract/sets.ts';
import { getSet } from '../../../contract/sets.ts';
import { useRoute } from '../../api/call.ts';
import { Failure } from '../../app/Failure.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { SetHeader } from './SetHeader.tsx';

export interface SetSectionContext {
  set: LearningSet;
}

/** The set's own pages (meetings, problems, actions, journal): the set's header and tabs around each. */
export function SetSection() {
  const { setId = '' } = useParams();
  const set = useRoute(getSet, { params: { id: setId } });
  if (!set.data) return set.error ? <Failure error={set.error} retry={set.reload} /> : <Loading />;
  const s = set.data;
  return (
    <section className="page">
      <SetHeader set={s} />
      <div className="tab-panel">
        <Outlet context={{ set: s } satisfies SetSectionContext} />
      </div>
    </section>
  );
}

export function useSetSection(): SetSectionContext {
  return useOutletContext<SetSectionContext>();
}
