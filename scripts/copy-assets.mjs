// `npm run build` step: copies the non-TypeScript files the server reads at run time
// (CSS and static assets, the demo's media, the linter's evaluation fixtures) next to the
// compiled JavaScript in dist/.
import { cpSync } from 'node:fs';

for (const dir of ['src/web/assets', 'src/demo/media', 'src/editorial/fixtures']) {
  cpSync(dir, `dist/${dir}`, { recursive: true });
}
