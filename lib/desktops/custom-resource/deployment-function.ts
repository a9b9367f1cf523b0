/**
 * The Lambda behind a custom resource of lib/desktops: runs only during deployments, answers CloudFormation
 * itself, and touches no tier data. Its settings and the reviewer-facing acknowledgements that follow from
 * that role are the same for every such function, so they are written once here.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { bilingualReason, type BilingualReason } from '../../bilingual/reason';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface DeploymentFunctionProps {
  description: string;
  /** The asset directory built by ./handler-asset.ts. */
  assetDir: string;
  role: iam.IRole;
  /** Its own (encrypted) log group. */
  logGroup: logs.ILogGroup;
  /** The AWS APIs the function calls, for the acknowledgement text (e.g. "WorkSpaces/Directory Service"). */
  apis: string;
  /** What limits its role, for the acknowledgement text (e.g. "scoped to this directory"). */
  roleScope: BilingualReason;
}

/** Creates the function as `scope/Function` and acknowledges the pack rules its role makes moot, with reasons. */
export function deploymentFunction(scope: Construct, props: DeploymentFunctionProps): lambda.Function {
  const fn = new lambda.Function(scope, 'Function', {
    description: props.description,
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromAsset(props.assetDir),
    timeout: Duration.minutes(15),
    memorySize: 256,
    role: props.role,
    logGroup: props.logGroup,
  });
  Validations.of(fn).acknowledge({
    id: 'NIST.800.53.R5::NIST.800.53.R5-LambdaInsideVPC',
    reason: bilingualReason({
      en:
        `A deployment-time control-plane function: it calls only the ${props.apis} APIs and answers CloudFormation through a pre-signed S3 URL. ` +
      'Placing it in a closed tier VPC would require internet or endpoints into that tier for a function that never touches tier data. ' +
      `Compensating: least-privilege role (${props.roleScope.en}), encrypted logs, runs only during deployments.`,
      ja:
        `デプロイ時にだけ動くコントロールプレーン用の関数です。呼び出すのは ${props.apis} の API だけで、CloudFormation への応答は署名付き S3 URL で返します。閉域の系の VPC 内に置くと、系のデータに一切触れない関数のために、その系へのインターネット経路またはエンドポイントが必要になります。` +
      `代替措置：最小権限のロール（${props.roleScope.ja}）、暗号化したログ、デプロイ時のみの実行。`,
    }),
  });
  Validations.of(fn).acknowledge({
    id: 'cdk-validator-cfnguard::lambda_inside_vpc_check',
    reason: bilingualReason({
      en:
        'Control Tower CT.LAMBDA.PR.3, same reason as NIST.800.53.R5-LambdaInsideVPC above: a deployment-time control-plane function with no access to tier data.',
      ja:
        'Control Tower CT.LAMBDA.PR.3。上記の NIST.800.53.R5-LambdaInsideVPC と同じ理由です：系のデータに触れない、デプロイ時にだけ動くコントロールプレーン用の関数です。',
    }),
  });
  Validations.of(fn).acknowledge({
    id: 'NIST.800.53.R5::NIST.800.53.R5-LambdaConcurrency',
    reason: bilingualReason({
      en:
        'Invoked only by CloudFormation, once per deployment of this resource. Reserving concurrency would fail in new accounts whose limit is 10 ' +
      '(unreserved concurrency may not drop below 10), and brings no protection for a function no one else can invoke.',
      ja:
        'CloudFormation からだけ、このリソースのデプロイごとに一度呼び出されます。同時実行数を予約すると、上限が 10 の新しいアカウントでは失敗し（予約されていない同時実行数は 10 を下回れないため）、他の誰も呼び出せない関数には何の保護にもなりません。',
    }),
  });
  Validations.of(fn).acknowledge({
    id: 'NIST.800.53.R5::NIST.800.53.R5-LambdaDLQ',
    reason: bilingualReason({
      en:
        'The function reports every outcome (including failures) to CloudFormation, which fails or rolls back the deployment; there is no event that could be lost into a dead-letter queue.',
      ja:
        'この関数は失敗を含むすべての結果を CloudFormation に返し、CloudFormation がデプロイを失敗またはロールバックさせます。デッドレターキューに失われうるイベントはありません。',
    }),
  });
  return fn;
}
