// Starts GOV.UK Frontend's components (error summary focus, service navigation toggle, details,
// character count, ...) on every page; loaded as a module, so only browsers that support them run it.
import { initAll } from './govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
