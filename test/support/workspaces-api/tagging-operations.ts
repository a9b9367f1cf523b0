/**
 * The part of the Resource Groups Tagging API the roster tool uses, over the same in-memory account:
 * GetResources for WorkSpaces (`ResourceTypeFilters: ['workspaces:workspace']`), served on the same
 * loopback endpoint as the WorkSpaces API (the two are told apart by X-Amz-Target, as AWS JSON 1.1 does).
 *
 * As the real service: only resources that carry (or carried) tags are returned — a WorkSpace never
 * tagged is absent; at most 100 per page (ResourcesPerPage); the LAST page's PaginationToken is the empty
 * string, not absent; ARNs are arn:aws:workspaces:<region>:<account>:workspace/<id>.
 */
import { ApiError, Operation } from './operations';

export const TEST_ACCOUNT = '123456789012';
export const TEST_REGION = 'ap-northeast-1';

const GetResources: Operation = (state, body) => {
  const types: string[] | undefined = body.ResourceTypeFilters;
  if (types && !types.every((t) => /^[a-z0-9-]+(:[a-z0-9-]+)?$/.test(t))) throw new ApiError(400, 'InvalidParameterException', 'ResourceTypeFilters is not valid.');
  const perPage = body.ResourcesPerPage ?? 50;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) throw new ApiError(400, 'InvalidParameterException', 'ResourcesPerPage must be between 1 and 100.');
  const wantsWorkspaces = !types || types.some((t) => t === 'workspaces' || t === 'workspaces:workspace');
  const tagFilters: Array<{ Key: string; Values?: string[] }> = body.TagFilters ?? [];
  const matching = !wantsWorkspaces
    ? []
    : state.workspaces.filter(
        (ws) =>
          state.stateOf(ws) !== 'TERMINATED' &&
          ws.tags.length > 0 &&
          tagFilters.every((f) => ws.tags.some((t) => t.Key === f.Key && (!f.Values?.length || f.Values.includes(t.Value ?? '')))),
      );
  let offset = 0;
  if (body.PaginationToken) {
    const m = /^tagpage-(\d+)$/.exec(String(body.PaginationToken));
    if (!m) throw new ApiError(400, 'PaginationTokenExpiredException', 'The PaginationToken is not valid.');
    offset = Number(m[1]);
  }
  const page = matching.slice(offset, offset + perPage);
  return {
    ResourceTagMappingList: page.map((ws) => ({ ResourceARN: `arn:aws:workspaces:${TEST_REGION}:${TEST_ACCOUNT}:workspace/${ws.WorkspaceId}`, Tags: ws.tags.map((t) => ({ Key: t.Key, Value: t.Value ?? '' })) })),
    PaginationToken: offset + perPage < matching.length ? `tagpage-${offset + perPage}` : '',
  };
};

export const TAGGING_OPERATIONS: Record<string, Operation> = { GetResources };
