'use strict';
// The 19 organization operations. Each checks its arguments, then hands the native core
// plain values: ids, query fields, JSON text (the caller's object, verbatim) or multipart
// fields. Signature: (native, ...official arguments, requestOptions).

const v = require('./validate');
const { readImage } = require('./image');
const { send, json } = require('./call');
const { invalidArgument } = require('./errors');

const INT32_MAX = 2 ** 31 - 1;

// ---- argument shapes -------------------------------------------------------------------

function pageOptions(param, options) {
  return {
    limit: v.integer(`${param}.limit`, options.limit, 0, INT32_MAX),
    offset: v.integer(`${param}.offset`, options.offset, 0, Number.MAX_SAFE_INTEGER),
    sortKey: optionalText(`${param}.sort_key`, options.sort_key),
    sortOrder: v.oneOf(`${param}.sort_order`, options.sort_order, ['asc', 'desc']),
    search: optionalText(`${param}.search`, options.search),
  };
}

/**
 * Optional text where `null` means "not set": query options, and JSON fields (which are
 * sent verbatim, so a JSON `null` stays `null` on the wire).
 */
function optionalText(param, value) {
  return value === null ? undefined : v.text(param, value);
}

/** An id inside a JSON body: a string id, or a non-negative integer (the API takes both). */
function jsonId(param, value, required = false) {
  if (value === undefined || value === null) {
    if (required) throw invalidArgument(param, `${param} is required`);
    return;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return;
  v.id(param, value);
}

function jsonIdArray(param, value) {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) v.fail(param, 'an array of ids', value);
  value.forEach((item, i) => jsonId(`${param}[${i}]`, item, true));
}

function jsonMetadata(param, value) {
  if (value === undefined || value === null) return;
  if (!v.isPlainObject(value)) v.fail(param, 'a plain object', value);
}

/** Multipart fields of an organization or workspace, in the native form's shape. */
async function entityForm(request, imageField, { nameRequired }) {
  return {
    name: v.text('request.name', request.name, { required: nameRequired }),
    description: v.text('request.description', request.description),
    publicMetadata: v.metadata('request.public_metadata', request.public_metadata),
    privateMetadata: v.metadata('request.private_metadata', request.private_metadata),
    ...(await readImage(`request.${imageField}`, request[imageField])),
  };
}

function requireSome(request, keys) {
  if (!keys.some((k) => request[k] !== undefined)) {
    throw invalidArgument('request', `request must set at least one of ${keys.join(', ')}`);
  }
}

const toVoid = () => undefined;

// ---- organizations ---------------------------------------------------------------------

async function listOrganizations(native, options, requestOptions) {
  const query = pageOptions('options', v.options('options', options) || {});
  const text = await send(requestOptions, (o, c) => native.listOrganizations(query, o, c));
  return json('listOrganizations', text);
}

async function getOrganization(native, organizationId, requestOptions) {
  v.id('organizationId', organizationId);
  const text = await send(requestOptions, (o, c) => native.getOrganization(organizationId, o, c));
  return json('getOrganization', text);
}

async function createOrganization(native, request, requestOptions) {
  v.request('request', request);
  // `slug` and `created_by` (the documented shape) are accepted; like the official SDK,
  // they are not sent, since the API has no such fields.
  optionalText('request.slug', request.slug);
  optionalText('request.created_by', request.created_by);
  const form = await entityForm(request, 'organization_image', { nameRequired: true });
  const text = await send(requestOptions, (o, c) => native.createOrganization(form, o, c));
  return json('createOrganization', text);
}

async function updateOrganization(native, organizationId, request, requestOptions) {
  v.id('organizationId', organizationId);
  v.request('request', request);
  requireSome(request, ['name', 'description', 'public_metadata', 'private_metadata', 'remove_image', 'organization_image']);
  const form = await entityForm(request, 'organization_image', { nameRequired: false });
  form.removeImage = v.boolean('request.remove_image', request.remove_image);
  const text = await send(requestOptions, (o, c) => native.updateOrganization(organizationId, form, o, c));
  return json('updateOrganization', text);
}

async function deleteOrganization(native, organizationId, requestOptions) {
  v.id('organizationId', organizationId);
  return send(requestOptions, (o, c) => native.deleteOrganization(organizationId, o, c)).then(toVoid);
}

// ---- members ---------------------------------------------------------------------------

async function listOrganizationMembers(native, organizationId, options, requestOptions) {
  v.id('organizationId', organizationId);
  const query = pageOptions('options', v.options('options', options) || {});
  const text = await send(requestOptions, (o, c) => native.listOrganizationMembers(organizationId, query, o, c));
  return json('listOrganizationMembers', text);
}

async function addOrganizationMember(native, organizationId, request, requestOptions) {
  v.id('organizationId', organizationId);
  v.request('request', request);
  jsonId('request.user_id', request.user_id, true);
  jsonIdArray('request.role_ids', request.role_ids);
  optionalText('request.role', request.role);
  if (request.role_ids == null && request.role == null) {
    throw invalidArgument('request.role_ids', 'request.role_ids is required (an array of role ids; may be empty), or request.role');
  }
  const body = v.toJson('request', request);
  const text = await send(requestOptions, (o, c) => native.addOrganizationMember(organizationId, body, o, c));
  return json('addOrganizationMember', text);
}

async function updateOrganizationMember(native, organizationId, memberId, request, requestOptions) {
  v.id('organizationId', organizationId);
  v.id('memberId', memberId);
  v.request('request', request);
  jsonIdArray('request.role_ids', request.role_ids);
  optionalText('request.role', request.role);
  jsonMetadata('request.public_metadata', request.public_metadata);
  const body = v.toJson('request', request);
  return send(requestOptions, (o, c) => native.updateOrganizationMember(organizationId, memberId, body, o, c)).then(toVoid);
}

async function removeOrganizationMember(native, organizationId, memberId, requestOptions) {
  v.id('organizationId', organizationId);
  v.id('memberId', memberId);
  return send(requestOptions, (o, c) => native.removeOrganizationMember(organizationId, memberId, o, c)).then(toVoid);
}

// ---- roles -----------------------------------------------------------------------------

function roleFields(request) {
  optionalText('request.key', request.key);
  optionalText('request.description', request.description);
  if (request.permissions !== undefined) v.stringArray('request.permissions', request.permissions);
}

async function listOrganizationRoles(native, organizationId, requestOptions) {
  v.id('organizationId', organizationId);
  const text = await send(requestOptions, (o, c) => native.listOrganizationRoles(organizationId, o, c));
  return json('listOrganizationRoles', text);
}

async function createOrganizationRole(native, organizationId, request, requestOptions) {
  v.id('organizationId', organizationId);
  v.request('request', request);
  v.text('request.name', request.name, { required: true });
  v.stringArray('request.permissions', request.permissions, { required: true });
  roleFields(request);
  const body = v.toJson('request', request);
  const text = await send(requestOptions, (o, c) => native.createOrganizationRole(organizationId, body, o, c));
  return json('createOrganizationRole', text);
}

async function updateOrganizationRole(native, organizationId, roleId, request, requestOptions) {
  v.id('organizationId', organizationId);
  v.id('roleId', roleId);
  v.request('request', request);
  requireSome(request, ['name', 'permissions']);
  v.text('request.name', request.name);
  roleFields(request);
  const body = v.toJson('request', request);
  const text = await send(requestOptions, (o, c) => native.updateOrganizationRole(organizationId, roleId, body, o, c));
  return json('updateOrganizationRole', text);
}

async function deleteOrganizationRole(native, organizationId, roleId, requestOptions) {
  v.id('organizationId', organizationId);
  v.id('roleId', roleId);
  return send(requestOptions, (o, c) => native.deleteOrganizationRole(organizationId, roleId, o, c)).then(toVoid);
}

async function assignOrganizationMemberRole(native, organizationId, membershipId, roleId, requestOptions) {
  v.id('organizationId', organizationId);
  v.id('membershipId', membershipId);
  v.id('roleId', roleId);
  return send(requestOptions, (o, c) => native.assignOrganizationMemberRole(organizationId, membershipId, roleId, o, c)).then(toVoid);
}

async function removeOrganizationMemberRole(native, organizationId, membershipId, roleId, requestOptions) {
  v.id('organizationId', organizationId);
  v.id('membershipId', membershipId);
  v.id('roleId', roleId);
  return send(requestOptions, (o, c) => native.removeOrganizationMemberRole(organizationId, membershipId, roleId, o, c)).then(toVoid);
}

// ---- workspaces and invitations --------------------------------------------------------

async function createWorkspaceForOrganization(native, organizationId, request, requestOptions) {
  v.id('organizationId', organizationId);
  v.request('request', request);
  const form = await entityForm(request, 'workspace_image', { nameRequired: true });
  const text = await send(requestOptions, (o, c) => native.createWorkspaceForOrganization(organizationId, form, o, c));
  return json('createWorkspaceForOrganization', text);
}

async function listOrganizationInvitations(native, organizationId, options, requestOptions) {
  v.id('organizationId', organizationId);
  const opts = v.options('options', options) || {};
  const query = {
    workspaceId: opts.workspace_id == null ? undefined : v.id('options.workspace_id', opts.workspace_id),
    includeDeleted: v.boolean('options.include_deleted', opts.include_deleted),
  };
  const text = await send(requestOptions, (o, c) => native.listOrganizationInvitations(organizationId, query, o, c));
  return json('listOrganizationInvitations', text);
}

async function createOrganizationInvitation(native, organizationId, request, requestOptions) {
  v.id('organizationId', organizationId);
  v.request('request', request);
  v.text('request.email', request.email, { required: true, max: 320 });
  if (request.email.trim() === '') throw invalidArgument('request.email', 'request.email must not be empty');
  jsonId('request.role_id', request.role_id);
  jsonId('request.workspace_id', request.workspace_id);
  jsonId('request.workspace_role_id', request.workspace_role_id);
  v.integer('request.expiry_days', request.expiry_days, 1, 3650);
  const body = v.toJson('request', request);
  const text = await send(requestOptions, (o, c) => native.createOrganizationInvitation(organizationId, body, o, c));
  return json('createOrganizationInvitation', text);
}

async function discardOrganizationInvitation(native, organizationId, invitationId, requestOptions) {
  v.id('organizationId', organizationId);
  v.id('invitationId', invitationId);
  return send(requestOptions, (o, c) => native.discardOrganizationInvitation(organizationId, invitationId, o, c)).then(toVoid);
}

/** Every operation, by its official name. */
const OPERATIONS = {
  listOrganizations,
  getOrganization,
  createOrganization,
  updateOrganization,
  deleteOrganization,
  listOrganizationMembers,
  addOrganizationMember,
  updateOrganizationMember,
  removeOrganizationMember,
  listOrganizationRoles,
  createOrganizationRole,
  updateOrganizationRole,
  deleteOrganizationRole,
  assignOrganizationMemberRole,
  removeOrganizationMemberRole,
  createWorkspaceForOrganization,
  listOrganizationInvitations,
  createOrganizationInvitation,
  discardOrganizationInvitation,
};

/** The official arguments of an operation: all but `native` and `requestOptions`. */
function arity(operation) {
  return operation.length - 2;
}

module.exports = { OPERATIONS, arity };
