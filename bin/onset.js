#!/usr/bin/env node
// The `onset` command. Runs the TypeScript sources through tsx's loader, so no build step is
// needed for `npm start` or `npx onset`.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
