/** Entry point: the store (from the URL hash), the training worker, URL sync, then React. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from '../state/actions';
import { createPlaygroundStore } from '../state/store';
import { syncUrl } from '../state/url-sync';
import { createTrainingClient } from '../worker/client';
import { App } from './App';
import './styles.css';

const store = createPlaygroundStore(window.location.hash);
connect(store, createTrainingClient());
syncUrl(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
