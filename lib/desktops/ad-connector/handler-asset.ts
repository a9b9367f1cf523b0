/** Ships ad-connector/handler.ts as a Lambda asset without a bundler (see ../custom-resource/handler-asset.ts). */
import { packageFile } from '../../package-files';
import { transpiledHandlerDir } from '../custom-resource/handler-asset';

export const AD_CONNECTOR_HANDLER_SOURCE = packageFile('lib', 'desktops', 'ad-connector', 'handler.ts');

export function adConnectorAssetDir(source: string = AD_CONNECTOR_HANDLER_SOURCE): string {
  return transpiledHandlerDir(source, 'closed-telework-ad-connector');
}
