/** The municipality configuration: schema, loader and validation (pure TypeScript, no aws-cdk-lib). */
export * from './config-error';
export * from './load';
export * from './reserved-ranges';
export * from './schema';
export * from './subnet-plan';
export * from './telework';
export * from './validate';
export * from './app-configuration';
export * from './cross-validate';
export * from './prefecture';
export * from './hub-names';
