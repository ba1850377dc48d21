// ESLint-compatible JSON: tools that read `eslint --format json` can read this.
import type { Formatter } from './index.js';

const json: Formatter = (results) =>
  JSON.stringify(
    results.map(({ fixStop: _fixStop, messages, ...counts }) => ({
      ...counts,
      messages: messages.map(({ severity, ...message }) => ({ ...message, severity: severity === 'error' ? 2 : 1 })),
    })),
  );

export default json;
