// Ashby webhook bodies for tests of the intake: the smallest applicationSubmit Skima accepts.

/** A signed-ready applicationSubmit for application `id` on job-1 (webhookActionId `wa-<id>`). */
export const applicationSubmitBody = (id: string) =>
  JSON.stringify({
    action: 'applicationSubmit',
    webhookActionId: `wa-${id}`,
    data: {
      application: {
        id,
        createdAt: '2026-11-24T09:00:00.000Z',
        updatedAt: '2026-11-24T09:00:00.000Z',
        status: 'Active',
        candidate: { id: `cand-${id}`, name: 'Sam Doe' },
        job: { id: 'job-1', title: 'Store Manager' },
      },
    },
  });
