import { describe, expect, it } from 'vitest';
import { deliveryIdentity } from '../../../src/bot/slack/delivery-identity.ts';

describe('the identity of a Slack request', () => {
  it('is the trigger of an interaction or command and the id of an event', () => {
    expect(deliveryIdentity({ type: 'block_actions', trigger_id: '123.456.abc' })).toBe('block_actions:123.456.abc');
    expect(deliveryIdentity({ type: 'view_submission', trigger_id: '123.456.abc' })).toBe('view_submission:123.456.abc');
    expect(deliveryIdentity({ command: '/skima', trigger_id: '9.9' })).toBe('command:9.9');
    expect(deliveryIdentity({ type: 'event_callback', event_id: 'Ev01', event: {} })).toBe('event:Ev01');
  });
  it('is none for a request without one, or a body that is not an object', () => {
    expect(deliveryIdentity({ type: 'block_actions' })).toBeNull();
    expect(deliveryIdentity(undefined)).toBeNull();
    expect(deliveryIdentity('text')).toBeNull();
    expect(deliveryIdentity({ trigger_id: 42 })).toBeNull();
  });
});
