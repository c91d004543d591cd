// The one lint and format tool: ESLint with typescript-eslint (correctness) and @stylistic (layout).
// `npm run lint` checks, `npm run format` fixes; CI fails on any warning.
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

// The import directions (docs/architecture.md): ashby/, scoring/ and bot/ never import each other or
// anything above them; core/ composes them and names no chat platform (bot/ports.ts, bot/card-model.ts
// only); web/ is thin over core/; the composition root (src/app.ts, src/front-doors.ts, src/worker-process.ts)
// and the CLI sit on top. A wrong arrow fails lint.
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: patterns.map(([group, message]) => ({ group, message })) }] },
});
const ABOVE = ['**/app.ts', '**/front-doors.ts', '**/worker-process.ts', '**/cli/**', '**/cli.ts'];
const BOT_DENY = ['**/ashby/**', '**/ashby-sandbox/**', '**/scoring/**', '**/core/**', '**/web/**', '**/db/**', '**/config/**', ...ABOVE];
const BOT_MESSAGE = 'bot/ talks to the core through bot/ports.ts only.';
const importDirections = [
  layer(['src/ashby/**'], [
    [['**/scoring/**', '**/bot/**', '**/core/**', '**/web/**', '**/db/**', '**/ashby-sandbox/**', ...ABOVE], 'ashby/ is the Ashby client boundary: it imports none of Skima\'s other parts.'],
  ]),
  layer(['src/scoring/**'], [
    [['**/ashby/**', '**/ashby-sandbox/**', '**/bot/**', '**/core/**', '**/web/**', '**/db/**', ...ABOVE], 'scoring/ is pure: it imports none of Skima\'s other parts.'],
  ]),
  layer(['src/bot/**'], [[BOT_DENY, BOT_MESSAGE]]),
  layer(['src/bot/slack/**'], [[BOT_DENY, BOT_MESSAGE], [['**/bot/teams/**', '**/teams/**'], 'One front door never imports another.']]),
  layer(['src/bot/teams/**'], [[BOT_DENY, BOT_MESSAGE], [['**/bot/slack/**', '**/slack/**'], 'One front door never imports another.']]),
  layer(['src/core/**'], [
    [['**/bot/slack/**', '**/bot/teams/**', '**/web/**', ...ABOVE], 'core/ knows the front doors only through bot/ports.ts and bot/card-model.ts; the composition root (src/app.ts) wires them.'],
  ]),
  layer(['src/ashby-sandbox/**'], [
    [['**/scoring/**', '**/bot/**', '**/core/**', '**/web/**', '**/db/**', ...ABOVE], 'The Ashby sandbox stands alone beside the client (it shares its schemas and signatures).'],
  ]),
  layer(['src/web/**'], [
    [['**/bot/slack/**', '**/bot/teams/**', '**/ashby-sandbox/**', ...ABOVE], 'web/ is thin over core/: front doors arrive as plugins through the context.'],
  ]),
  layer(['src/db/**', 'src/config/**'], [
    [['**/ashby/**', '**/ashby-sandbox/**', '**/scoring/**', '**/bot/**', '**/core/**', '**/web/**', ...ABOVE], 'db/ and config/ sit below everything else.'],
  ]),
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'src/generated/', 'test-results/'] },
  ...tseslint.configs.recommended,
  stylistic.configs.customize({
    indent: 2,
    quotes: 'single',
    semi: true,
    braceStyle: '1tbs',
    commaDangle: 'always-multiline',
    arrowParens: true,
  }),
  {
    rules: {
      '@stylistic/max-len': ['error', { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
      '@stylistic/operator-linebreak': ['error', 'before', { overrides: { '=': 'after' } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  ...importDirections,
);
