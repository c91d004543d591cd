import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.ts';
import type { ListenerDeps } from '../deps.ts';
import { addNoteAction } from './add-note.ts';
import { addToJobAction } from './add-to-job.ts';
import { archiveSkippedAction } from './archive-skipped.ts';
import { decideAction } from './decide.ts';
import { editRequirementsAction } from './edit-requirements.ts';
import { dispositionOpenAction } from './disposition-open.ts';
import { openRediscoverAction } from './open-rediscover.ts';
import { openReportAction } from './open-report.ts';
import { openShortlistAction } from './open-shortlist.ts';
import { sendCardAction } from './send-card.ts';
import { resumeAddAction } from './resume-add.ts';
import { resumeCancelAction } from './resume-cancel.ts';
import { resumeJobPicked } from './resume-job-picked.ts';

export function register(app: App, deps: ListenerDeps): void {
  app.action(ACTION.decide, ({ body, ack }) => decideAction({ body, ack: () => ack() }, deps));
  // Picking a reason changes nothing until Skip is clicked (which reads it from the message's state).
  app.action(ACTION.skipReason, ({ ack }) => ack());
  app.action(ACTION.addNote, ({ body, ack }) => addNoteAction({ body, ack: () => ack() }, deps));
  app.action(ACTION.openShortlist, ({ body, ack }) => openShortlistAction({ body, ack: () => ack() }, deps));
  app.action(ACTION.openReport, ({ body, ack }) => openReportAction({ body, ack: () => ack() }, deps));
  app.action(ACTION.openRediscover, ({ body, ack }) => openRediscoverAction({ body, ack: () => ack() }, deps));
  app.action(ACTION.sendCard, ({ body, ack }) => sendCardAction({ body, ack: () => ack() }, deps));
  app.action(ACTION.advance, ({ body, ack }) => dispositionOpenAction({ body, ack: () => ack() }, deps, 'advance'));
  app.action(ACTION.archive, ({ body, ack }) => dispositionOpenAction({ body, ack: () => ack() }, deps, 'archive'));
  app.action(ACTION.archiveSkipped, ({ body, ack }) => archiveSkippedAction({ body, ack: () => ack() }, deps));
  app.action(ACTION.addToJob, ({ body, ack }) => addToJobAction({ body, ack: () => ack() }, deps));
  app.action(ACTION.editRequirements, ({ body, ack }) => editRequirementsAction({ body, ack: () => ack() }, deps));
  app.action(ACTION.resumeJob, ({ body, ack }) => resumeJobPicked({ body, ack: () => ack() }, deps));
  app.action(ACTION.resumeAdd, ({ body, ack }) => resumeAddAction({ body, ack: () => ack() }, deps));
  app.action(ACTION.resumeCancel, ({ body, ack }) => resumeCancelAction({ body, ack: () => ack() }, deps));
}
