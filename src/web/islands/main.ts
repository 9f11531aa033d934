// Client islands: small enhancements of server-rendered HTML. Each reads data-* attributes and
// leaves the page as it was when anything is missing, so the page works without JavaScript.
import { enhanceRelativeTimes } from './relative-time.js';
import { enhanceAirTimes } from './air-times.js';
import { enhanceReactions } from './reactions.js';
import { enhanceComments } from './comments.js';
import { enhanceVideoFacades } from './video-facade.js';
import { enhanceNewsroomEditor } from './newsroom-editor.js';
import { enhanceLintUnderlines } from './lint-underlines.js';

enhanceRelativeTimes(document);
enhanceAirTimes(document);
enhanceReactions(document);
enhanceComments(document);
enhanceVideoFacades(document);
enhanceNewsroomEditor(document);
enhanceLintUnderlines(document);
