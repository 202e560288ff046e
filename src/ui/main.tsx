/** Entry point: the store (from the URL hash), the training worker, run keeping, URL sync, then React. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from '../state/actions';
import { connectRuns } from '../state/runs/connect-runs';
import { appDb, runsStore } from '../state/runs/runs-store';
import { createPlaygroundStore } from '../state/store';
import { syncUrl } from '../state/url-sync';
import { createTrainingClient } from '../worker/client';
import { App } from './App';
import './styles.css';

const store = createPlaygroundStore(window.location.hash);
const client = createTrainingClient();
connect(store, client);
// Every run trained becomes a stored run; a checkpointed one can be resumed after a reload.
connectRuns(store, client, runsStore, appDb);
syncUrl(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
