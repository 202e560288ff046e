/**
 * The app's one explorer controller, made when the Gradient geometry tab first opens: its worker's client
 * (the Worker starts with the first request) and its store. Kept for the page's lifetime, so leaving the
 * tab and coming back finds the gradients where the student left them.
 */
import { createExplorerClient } from '../../worker/explorer/explorer-client';
import { createExplorerController, type ExplorerController } from './explorer-controller';

let controller: ExplorerController | null = null;

export function explorerController(): ExplorerController {
  controller ??= createExplorerController(createExplorerClient());
  return controller;
}
