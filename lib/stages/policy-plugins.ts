/**
 * The external rule packs every synth runs (and the tests run): cdk-nag 3's AWS Solutions and
 * NIST 800-53 rev 5 packs, and the Control Tower proactive controls through cfn-guard (offline).
 * They are CDK policy-validation plugins: they judge the synthesised app after synthesis, over every
 * Stage, and write cdk.out/validation-report.json. Synthesis fails on any unacknowledged violation.
 *
 * Acknowledging: `Validations.of(narrowestConstruct).acknowledge({ id: '<plugin name>::<rule>', reason })`.
 * Only the namespaced form is audited (listed under `suppressedViolations` in the report): the core
 * normalises a violation's rule to `<plugin name with spaces → '-'>::<ruleName>`, e.g.
 * `AwsSolutions::AwsSolutions-VPC3`, `NIST.800.53.R5::NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW`,
 * `cdk-validator-cfnguard::<rule>`. A bare `AwsSolutions-VPC3` is stored as an `annotation::` id that
 * cdk-nag silently honours while the report does not list it, so never use the bare form.
 */
import { Validations } from 'aws-cdk-lib';
import type { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ThreeTierSeparationChecks } from '../nag/three-tier-separation-checks';
import type { TierPolicy } from '../policy/schema';
import type { CostSection } from '../report/cost-section';
import { ControlTowerGuardRules } from '../control-tower/control-tower-guard-rules';
import { registerCachedCloudFormationValidate } from '../cfn-validate/cached-cloudformation-validate';
import { ReusableNagPack } from '../nag-verdict/reusable-nag-pack';

/**
 * The packs, fresh instances each call (a plugin keeps state between validations). cdk-nag's packs run
 * unmodified, their verdict reused only for a byte-identical app (lib/nag-verdict); cdk-nag itself is loaded
 * only when a pack has to judge. (`_scope`: kept for callers that pass the app; the packs need none.)
 */
export function externalPolicyPlugins(_scope?: Construct): IPolicyValidationPlugin[] {
  return [
    new ReusableNagPack('AwsSolutionsChecks', { verbose: true }),
    new ReusableNagPack('NIST80053R5Checks', { verbose: true }),
    // The Control Tower controls through cfn-guard, run only where a rule can apply (same violations).
    new ControlTowerGuardRules(),
  ];
}

export interface RegisterPolicyPluginsOptions {
  /**
   * The tier policy the proof judges against — `tierPolicyFromConfigs(configs)` for an app built from
   * municipality configurations. A policy file given with `-c closed-telework:policyFile=FILE` wins.
   * @default the packaged policies/tier-policy.yaml (which matches the example city)
   */
  readonly policy?: TierPolicy;
  /** The 費用試算 sections of the reviewer's report the tier pack writes (asked for when it writes it). */
  readonly costSections?: () => readonly CostSection[];
  /** What `costSections` computes from (ThreeTierSeparationChecksProps.costInputs): a reused report is keyed on it. */
  readonly costInputs?: unknown;
}

/**
 * Registers the external packs and the tier-separation pack on the app (or a Stage). Register on the App so
 * the tier pack sees every Stage's stacks in one model; its crossings are fatal (never acknowledgeable) and
 * it writes the reviewer's report to reports/ beside cdk.out on every synth.
 */
export function registerPolicyPlugins(app: Construct, options: RegisterPolicyPluginsOptions = {}): void {
  const tierPack = new ThreeTierSeparationChecks({
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.costSections ? { costSections: options.costSections } : {}),
    ...(options.costInputs !== undefined ? { costInputs: options.costInputs } : {}),
  });
  const plugins = [...externalPolicyPlugins(app), tierPack];
  Validations.of(app).addPlugins(...plugins);
  // aws-cdk-lib's own CloudFormation validation, unchanged (last, where the CDK puts it), its verdict reused
  // for byte-identical templates.
  const cloudFormationValidate = registerCachedCloudFormationValidate(app);
  // ...and started on a worker thread as soon as validation begins, so it judges the templates while the
  // packs run on this thread (lib/cfn-validate/validate-on-worker.ts); the CDK still calls it last.
  // When no stored verdict can be reused (a clean checkout, CI), its engine is built on that worker from now on,
  // while this thread builds and synthesises the app.
  if (cloudFormationValidate !== undefined) {
    cloudFormationValidate.warmUp();
    startsWhenValidationBegins(plugins[0]!, [cloudFormationValidate]);
  }
}

/** A plugin that can begin its work before the CDK calls its validate(). */
interface StartsEarly {
  startEarly(context: IPolicyValidationContext): void;
}

/**
 * Makes `first` (the plugin the CDK calls first) begin the work of `later` ones when the CDK calls it: every
 * template is on disk by then, and the plugins all get the same templates (all are registered on the App).
 * A plugin's work that began early is only used when its validate() sees the same inputs.
 */
function startsWhenValidationBegins(first: IPolicyValidationPlugin, later: readonly StartsEarly[]): void {
  const validate = first.validate.bind(first);
  first.validate = (context: IPolicyValidationContext): PolicyValidationPluginReport => {
    for (const plugin of later) {
      try {
        plugin.startEarly(context);
      } catch {
        // Nothing began early: that plugin does all its work in its own validate(), as it always could.
      }
    }
    return validate(context);
  };
}
