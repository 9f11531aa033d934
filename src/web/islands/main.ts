// Client islands: small enhancements of server-rendered HTML. Each reads data-* attributes and
// leaves the page as it was when anything is missing, so the page works without JavaScript.
import { enhanceRelativeTimes } from './relative-time.js';

enhanceRelativeTimes(document);
