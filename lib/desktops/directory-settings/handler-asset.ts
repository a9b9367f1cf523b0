/** Ships directory-settings/handler.ts as a Lambda asset without a bundler (see ../custom-resource/handler-asset.ts). */
import { packageFile } from '../../package-files';
import { transpiledHandlerDir } from '../custom-resource/handler-asset';

export const HANDLER_SOURCE = packageFile('lib', 'desktops', 'directory-settings', 'handler.ts');

export function directorySettingsAssetDir(source: string = HANDLER_SOURCE): string {
  return transpiledHandlerDir(source, 'closed-telework-directory-settings');
}
