// Runs first in <body> (an external file, so the CSP needs no inline script) to let
// GOV.UK Frontend's CSS know JavaScript and ES modules are available.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
