/**
 * `npm run handlers`: writes lib/desktops/custom-resource/transpiled-handlers.json — the custom-resource
 * handlers' JavaScript exactly as TypeScript emits it for today's sources, which the package ships so a first
 * synth does not load TypeScript's compiler (see lib/desktops/custom-resource/handler-asset.ts). Run it after
 * editing a handler; test/desktops/handler-asset.test.ts fails until then.
 */
import { SHIPPED_HANDLERS_FILE, writeShippedHandlers } from '../../lib/desktops/custom-resource/handler-asset';

writeShippedHandlers();
process.stdout.write(`wrote ${SHIPPED_HANDLERS_FILE}\n`);
