export { msg, str } from './msg.js';
export { LANGUAGES, matchLanguage, type Language } from './match.js';
export { currentScope, inEnglish, withLocale, type LocaleScope } from './scope.js';
