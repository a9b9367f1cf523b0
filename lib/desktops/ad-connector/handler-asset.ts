/** Ships ad-connector/handler.ts as a Lambda asset without a bundler (see ../directory-settings/handler-asset.ts). */
import { packageFile } from '../../package-files';
import { transpiledHandlerDir } from '../directory-settings/handler-asset';

export const AD_CONNECTOR_HANDLER_SOURCE = packageFile('lib', 'desktops', 'ad-connector', 'handler.ts');

export function adConnectorAssetDir(source: string = AD_CONNECTOR_HANDLER_SOURCE): string {
  return transpiledHandlerDir(source, 'closed-telework-ad-connector');
}
