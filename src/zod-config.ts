// zod compiles its object parsers with `new Function` unless told not to, and probes whether it may by calling
// `Function('')` the first time it parses. The app's Content-Security-Policy forbids eval, so every page load would
// log a refusal. This module is the app's first import, so the setting is in place before any module parses.
import { z } from 'zod';

z.config({ jitless: true });
