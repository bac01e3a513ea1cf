// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '/lib/govuk/govuk-frontend.min.js';

initAll();
