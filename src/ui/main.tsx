/**
 * Entry point: the store (from the URL hash's experiment), the classroom view and first tab (from its
 * classroom keys), the training worker, run keeping, lessons, URL sync, then React. A link that names a
 * lesson opens it: at its own setup when the link holds no experiment (a teacher's link), over the
 * experiment it holds otherwise (a reload mid-lesson).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from '../state/actions';
import { emptyClassroom, splitHash } from '../state/classroom/classroom-hash';
import { classroomStore, initialTab } from '../state/classroom/classroom-store';
import { connectLessons, openLesson } from '../state/lessons/lesson-actions';
import { connectRuns } from '../state/runs/connect-runs';
import { appDb, runsStore } from '../state/runs/runs-store';
import { createPlaygroundStore } from '../state/store';
import { syncUrl } from '../state/url-sync';
import { connectAppImagePredictions } from '../state/images/connect-images';
import { createTrainingClient } from '../worker/client';
import { App } from './App';
import { unknownPartsNotice } from './classroom/parts';
import './styles.css';

const { classroom, experiment, notice } = splitHash(window.location.hash);
const store = createPlaygroundStore(experiment);
const unknown = classroom ? unknownPartsNotice(classroom.hide, classroom.lock) : null;
const notices = [store.getState().notice, notice, unknown].filter(Boolean);
if (notices.length) store.setState({ notice: notices.join(' ') });
if (classroom) {
  const { lesson: _lesson, step: _step, ...view } = classroom;
  classroomStore.setState({ view: { ...emptyClassroom(), ...view } });
}
classroomStore.setState({ tab: initialTab(classroom, experiment) });

const client = createTrainingClient();
connect(store, client);
connectAppImagePredictions(client);
// Every run trained becomes a stored run; a checkpointed one can be resumed after a reload.
connectRuns(store, client, runsStore, appDb);
connectLessons({
  playground: store,
  // The Studies tab's controller (and its worker) load only when a study lesson needs them.
  study: async () => (await import('../state/study/study-app')).studyController(store),
});
syncUrl(store);
if (classroom?.lesson)
  void openLesson(classroom.lesson, {
    ...(classroom.step ? { step: classroom.step } : {}),
    applySetup: experiment === '',
  });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
