// The import directions are held by lint (eslint.config.js): a wrong arrow fails `npm run lint`.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const restricted = async (filePath: string, specifier: string) => {
  const [result] = await eslint.lintText(`import { x } from '${specifier}';\n\nexport const y = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('import directions', () => {
  it.each([
    ['src/bot/slack/x.ts', '../../core/context.ts', /bot\/ports\.ts only/],
    ['src/bot/teams/x.ts', '../slack/cards.ts', /never imports another/],
    ['src/bot/slack/x.ts', '../teams/adapter.ts', /never imports another/],
    ['src/core/chat/x.ts', '../../bot/slack/front-door.ts', /composition root/],
    ['src/core/x.ts', '../web/server.ts', /composition root/],
    ['src/ashby/x.ts', '../core/context.ts', /Ashby client boundary/],
    ['src/ashby/x.ts', '../ashby-sandbox/index.ts', /Ashby client boundary/],
    ['src/scoring/x.ts', '../ashby/index.ts', /pure/],
    ['src/web/x.ts', '../app.ts', /thin over core/],
    ['src/ashby-sandbox/x.ts', '../core/context.ts', /stands alone/],
  ])('%s may not import %s', async (file, specifier, why) => {
    const messages = await restricted(file, specifier);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(why);
  });

  it.each([
    ['src/core/chat/x.ts', '../../bot/ports.ts'],
    ['src/core/x.ts', '../bot/card-model.ts'],
    ['src/bot/teams/x.ts', '../ports.ts'],
    ['src/app.ts', './web/server.ts'],
    ['src/front-doors.ts', './bot/slack/front-door.ts'],
    ['src/ashby-sandbox/x.ts', '../ashby/webhook-types.ts'],
    ['src/core/ashby-link/x.ts', '../../ashby-sandbox/index.ts'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await restricted(file, specifier)).toEqual([]);
  });
});
