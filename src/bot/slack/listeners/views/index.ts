import type { App } from '@slack/bolt';
import { NOTE_MODAL_CALLBACK, REQUIREMENTS_MODAL_CALLBACK } from '../../ids.ts';
import type { ListenerDeps } from '../deps.ts';
import { noteSubmitted, type ViewAck } from './note-submitted.ts';
import { requirementsSubmitted } from './requirements-submitted.ts';

export function register(app: App, deps: ListenerDeps): void {
  app.view(NOTE_MODAL_CALLBACK, ({ body, ack }) => noteSubmitted({ body, ack: ack as unknown as ViewAck }, deps));
  app.view(REQUIREMENTS_MODAL_CALLBACK, ({ body, ack }) =>
    requirementsSubmitted({ body, ack: ack as unknown as ViewAck }, deps));
}
