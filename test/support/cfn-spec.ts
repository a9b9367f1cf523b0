/**
 * The CloudFormation resource specification as shipped in aws-cdk-lib: every L1 class (`CfnXxx`) carries its
 * type name, and its generated `convertCfn…ToCloudFormation` functions list the CloudFormation property names
 * of the resource and of each nested property type. Read from the package's generated JavaScript, so the
 * list moves with the aws-cdk-lib version in package-lock.json.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface SpecType {
  type: string;
  /** Every property name of the type and its nested property types (PascalCase, as in templates). */
  properties: string[];
}

let cache: SpecType[] | undefined;

export function cfnResourceSpec(): SpecType[] {
  if (cache) return cache;
  const root = path.dirname(require.resolve('aws-cdk-lib/package.json'));
  const out: SpecType[] = [];
  for (const dir of fs.readdirSync(root)) {
    const lib = path.join(root, dir, 'lib');
    if (!fs.existsSync(lib)) continue;
    for (const f of fs.readdirSync(lib)) {
      if (!f.endsWith('.generated.js')) continue;
      const src = fs.readFileSync(path.join(lib, f), 'utf8');
      const converters = new Map<string, string>();
      for (const m of src.matchAll(/function (convertCfn\w+ToCloudFormation)\(properties\)\{([^]*?)\}\):properties\}/g)) converters.set(m[1], m[2]);
      for (const m of src.matchAll(/class (Cfn\w+) extends cdk\(\)\.CfnResource\{static\[JSII_RTTI_SYMBOL_1\]=\{[^}]*\};static CFN_RESOURCE_TYPE_NAME="([^"]+)"/g)) {
        const [, cls, type] = m;
        const props = new Set<string>();
        for (const [name, body] of converters) {
          if (!name.startsWith(`convert${cls}`)) continue;
          for (const k of body.matchAll(/[{,]([A-Z][A-Za-z0-9]*):/g)) props.add(k[1]);
        }
        out.push({ type, properties: [...props].sort() });
      }
    }
  }
  cache = out.sort((a, b) => a.type.localeCompare(b.type));
  return cache;
}

/** Property names that name a VPC, subnet, security group or network interface. */
export const NAMES_A_NETWORK = /vpc|subnet|securitygroup|networkinterface/i;
