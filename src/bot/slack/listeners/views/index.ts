import type { App } from '@slack/bolt';
import {
  DISPOSITION_CHOOSE_CALLBACK,
  DISPOSITION_CONFIRM_CALLBACK,
  NOTE_MODAL_CALLBACK,
  REQUIREMENTS_MODAL_CALLBACK,
} from '../../ids.ts';
import { type ChooseAck, dispositionChosen } from './disposition-chosen.ts';
import { dispositionConfirmed } from './disposition-confirmed.ts';
import type { ListenerDeps } from '../deps.ts';
import { noteSubmitted, type ViewAck } from './note-submitted.ts';
import { requirementsSubmitted } from './requirements-submitted.ts';

export function register(app: App, deps: ListenerDeps): void {
  app.view(NOTE_MODAL_CALLBACK, ({ body, ack }) => noteSubmitted({ body, ack: ack as unknown as ViewAck }, deps));
  app.view(REQUIREMENTS_MODAL_CALLBACK, ({ body, ack }) =>
    requirementsSubmitted({ body, ack: ack as unknown as ViewAck }, deps));
  app.view(DISPOSITION_CHOOSE_CALLBACK, ({ body, ack }) =>
    dispositionChosen({ body, ack: ack as unknown as ChooseAck }, deps));
  app.view(DISPOSITION_CONFIRM_CALLBACK, ({ body, ack }) => dispositionConfirmed({ body, ack: () => ack() }, deps));
}
