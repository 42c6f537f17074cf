// Every message the renderer may send to main, as `feature:action`. The preload exposes exactly
// these and main registers exactly these; nothing else crosses the boundary.
export const IPC_CHANNELS = [
  'app:info',
  'settings:get',
  'settings:update',
  'cases:list',
  'cases:get',
  'cases:create',
  'cases:update',
  'cases:addEvent',
  'audit:list',
  'deadlines:compute',
  'holidays:list',
  'holidays:add',
  'holidays:remove',
  'reports:dashboard',
  'reports:timeliness',
  'costs:get',
  'costs:set',
  'costs:setAdvice',
  'costs:link',
  'costs:unlink',
  'exemptions:catalogue',
  'exemptions:list',
  'exemptions:apply',
  'exemptions:remove',
  'letters:templates',
  'letters:saveTemplate',
  'letters:resetTemplate',
  'letters:draft',
  'letters:setDraft',
  'correspondence:list',
  'correspondence:add',
  'correspondence:mark',
  'correspondence:import',
  'correspondence:importChosen',
  'attachments:content',
  'attachments:save',
  'attachments:setRole',
  'search:query',
  'letters:save',
  'letters:print',
  'bundles:plan',
  'bundles:export',
  'bundles:progress',
  'bundles:cancel',
] as const;

export type Channel = (typeof IPC_CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (IPC_CHANNELS as readonly string[]).includes(value);
}
