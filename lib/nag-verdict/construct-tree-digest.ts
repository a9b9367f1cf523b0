/**
 * The digest of everything a cdk-nag 3 rule can read from an app's construct tree — and nothing a rule
 * cannot read — so that two trees with the same digest get the same verdict from the same pack.
 *
 * Why not the templates: cdk-nag does not read them. Its NagPack walks the construct tree and each rule
 * reads the CfnResource object, and those differ from the template in ways that change a verdict:
 *   - a rule reads an L1's properties (`node.securityGroupIngress`), which do not include raw overrides
 *     (`addPropertyOverride`): a property set by an override is in the template but invisible to the rule;
 *   - rules test the class (`node instanceof CfnSecurityGroup`): a plain `new CfnResource({ type:
 *     'AWS::EC2::SecurityGroup' })` writes the same template and is not checked at all;
 *   - rules look at the tree around a resource (`node.node.scope`, `tryFindChild('RestrictDefaultSecurity
 *     GroupCustomResource')`, `defaultChild`, `Stack.of(node).node.findAll()` filtered by L1 class, a
 *     sibling found by construct path), and acknowledgements are construct metadata
 *     (`aws:cdk:acknowledged-rules` on the resource or any ancestor), none of which is in a template.
 * So the digest is taken where the rules look, in the order NagPack walks (pre-order, children in order),
 * for EVERY construct of the app:
 *   - its path (which gives ids, parents and children) and the id of its default child;
 *   - its class: every prototype's constructor name and jsii fqn, and whether it is a CfnResource of the
 *     aws-cdk-lib cdk-nag itself loads (what its `instanceof` tests compare with);
 *   - its `aws:cdk:acknowledged-rules` metadata, in order;
 *   - for a CfnResource: its type, its logical id and its properties as a rule sees them (`cfnProperties`,
 *     through `Stack.of(node).resolve()` as the rules resolve them), and the properties object it was
 *     created with (`_cfnProperties`) where a rule reads that instead (creationPropertiesRead below).
 * A value that cannot be written down exactly (a function, a class instance, a symbol, a resolve error)
 * makes the tree undigestable: the caller then runs the pack, never guesses.
 *
 * Assumption, stated: a token resolves to the same value whether a rule resolves one property or this
 * digest resolves all of them at once (true of every token aws-cdk-lib makes; a token whose value depended
 * on where in a document it is resolved would break it).
 *
 * Cost: one resolve per resource (a pack resolves per rule); ~50–100 ms for the example city.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { ExactWriter, NotExactlyEncodable } from '../cache/exact-encoding';

/** A value the digest cannot write down exactly: the tree is judged afresh. */
export class UndigestableTree extends Error {}

const JSII_RTTI = Symbol.for('jsii.rtti');

/** The CfnResource class of the aws-cdk-lib cdk-nag's own modules load (its instanceof tests use that copy). */
function nagsCfnResource(): typeof CfnResource {
  const cdkNagDir = path.dirname(require.resolve('cdk-nag/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(require.resolve('aws-cdk-lib', { paths: [cdkNagDir] })) as typeof import('aws-cdk-lib')).CfnResource;
}

/** Writes `value` exactly (lib/cache/exact-encoding); anything it cannot write makes the tree undigestable. */
function write(out: ExactWriter, value: unknown): void {
  try {
    out.write(value);
  } catch (err) {
    if (err instanceof NotExactlyEncodable) throw new UndigestableTree(err.message);
    throw err;
  }
}

const classNames = new WeakMap<object, string>();

/** Every prototype's constructor name and jsii fqn, nearest first (what `instanceof` can tell apart). */
function classChain(c: object): string {
  const proto = Object.getPrototypeOf(c) as object | null;
  if (proto === null) return 'null';
  const known = classNames.get(proto);
  if (known !== undefined) return known;
  const names: string[] = [];
  for (let p: object | null = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    const ctor = (p as { constructor?: { name?: string; [JSII_RTTI]?: { fqn?: string } } }).constructor;
    const fqn = ctor !== undefined && Object.prototype.hasOwnProperty.call(ctor, JSII_RTTI) ? ctor[JSII_RTTI]?.fqn : undefined;
    names.push(`${ctor?.name ?? '?'}${fqn ? `=${fqn}` : ''}`);
  }
  const chain = names.join('<');
  classNames.set(proto, chain);
  return chain;
}

/** What the digest covered, for the bench's breakdown and for tests. */
export interface TreeDigest {
  readonly digest: string;
  readonly constructs: number;
  readonly resources: number;
}

const ACKNOWLEDGED = Validations.ACKNOWLEDGED_RULES_METADATA_KEY;

/**
 * Where cdk-nag 3's rules read a resource's creation-time properties (`_cfnProperties`) rather than its L1
 * properties: the CDK's EKS cluster custom resource (by type) and the OpenSearch/Elasticsearch access-policy
 * custom resource (by path). test/nag-verdict pins this list against cdk-nag's rule sources, so an upgrade
 * that reads them elsewhere fails a test instead of going unnoticed.
 */
function creationPropertiesRead(c: CfnResource): boolean {
  return c.cfnResourceType === 'Custom::AWSCDK-EKS-Cluster' || c.node.path.endsWith('/Resource/Default');
}

/** The digest of `root`'s tree as cdk-nag's rules can see it; throws UndigestableTree when it cannot be exact. */
export function constructTreeDigest(root: IConstruct): TreeDigest {
  const out = new ExactWriter();
  // The text is hashed in pieces as it grows (the digest of the pieces is the digest of the whole text).
  const hash = createHash('sha256');
  const NagCfnResource = nagsCfnResource();
  let constructs = 0;
  let resources = 0;
  const visit = (c: IConstruct): void => {
    constructs++;
    const node = c.node;
    const nodePath = node.path;
    out.raw(`c${nodePath.length}:${nodePath}|${classChain(c)}|`);
    write(out, node.defaultChild?.node.id);
    for (const entry of node.metadata) {
      if (entry.type === ACKNOWLEDGED) {
        out.raw('m');
        write(out, entry.data);
      }
    }
    if (CfnResource.isCfnResource(c)) {
      resources++;
      out.raw(c instanceof NagCfnResource ? 'R' : 'r');
      write(out, c.cfnResourceType);
      try {
        const stack = Stack.of(c);
        const properties = (c as unknown as { cfnProperties: unknown }).cfnProperties;
        write(out, stack.resolve(c.logicalId));
        write(out, stack.resolve(properties));
        const creation = (c as unknown as { _cfnProperties: unknown })._cfnProperties;
        if (creation !== properties && creationPropertiesRead(c)) {
          out.raw('p');
          write(out, stack.resolve(creation));
        }
      } catch (err) {
        if (err instanceof UndigestableTree) throw new UndigestableTree(`${nodePath}: ${err.message}`);
        throw new UndigestableTree(`${nodePath}: cannot resolve: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const children = node.children;
    out.raw(`k${children.length};`);
    if (out.text.length > HASH_PIECE) {
      hash.update(out.text);
      out.text = '';
    }
    for (const child of children) visit(child);
  };
  visit(root);
  hash.update(out.text);
  return { digest: hash.digest('hex'), constructs, resources };
}

/** Characters of encoded tree hashed at a time (bounds the text held, and hashes few large pieces). */
const HASH_PIECE = 1 << 20;
