/** A Control Tower–shaped guard rule file for tests: both gates for `judged`, plus literal `alsoNamed` types. */
export function controlTowerStyleRule(judged: string, alsoNamed: readonly string[] = []): string {
  return [
    `let JUDGED_TYPE = "${judged}"`,
    'let INPUT_DOCUMENT = this',
    'let judged = Resources.*[ Type == %JUDGED_TYPE ]',
    'rule judged_check when is_cfn_template(%INPUT_DOCUMENT)',
    '                       %judged not empty {',
    '    check(%judged.Properties)',
    '}',
    'rule judged_check when is_cfn_hook(%INPUT_DOCUMENT, %JUDGED_TYPE) {',
    '    check(%INPUT_DOCUMENT.%JUDGED_TYPE.resourceProperties)',
    '}',
    'rule check(resource) {',
    ...alsoNamed.map((t) => `    query_for_resource(%INPUT_DOCUMENT, %resource.Ref, "${t}")`),
    '    %resource exists',
    '}',
    'rule is_cfn_template(doc) {',
    '    %doc { Resources exists }',
    '}',
    'rule is_cfn_hook(doc, RESOURCE_TYPE) {',
    '    %doc.%RESOURCE_TYPE.resourceProperties exists',
    '}',
  ].join('\n');
}
