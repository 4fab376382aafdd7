'use strict'
// End-to-end tests of the local Wacht emulator over real HTTP (global fetch).

const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { startEmulator } = require('../testing.js')

let emu

beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
})

afterAll(async () => {
  await emu.close()
})

beforeEach(async () => {
  await emu.reset()
})

/** Call the emulator; returns { status, headers, body } with JSON bodies parsed. */
async function api(method, urlPath, { json, form, headers = {}, auth = true, raw, on = emu } = {}) {
  const init = { method, headers: { ...headers } }
  if (auth) init.headers.authorization = `Bearer ${on.apiKey}`
  if (json !== undefined) {
    init.headers['content-type'] = 'application/json'
    init.body = JSON.stringify(json)
  } else if (form) {
    const fd = new FormData()
    for (const [k, v] of Object.entries(form)) fd.append(k, v)
    init.body = fd
  } else if (raw !== undefined) {
    init.body = raw
  }
  const res = await fetch(on.url + urlPath, init)
  const text = await res.text()
  const type = res.headers.get('content-type') || ''
  return { status: res.status, headers: res.headers, type, text, body: type.includes('application/json') ? JSON.parse(text) : text }
}

const envelope = (status, message) => ({ errors: [{ message, code: status }] })

async function createOrg(name = 'Acme', extra = {}) {
  const r = await api('POST', '/organizations', { form: { name, ...extra } })
  expect(r.status).toBe(200)
  return r.body
}

describe('auth', () => {
  test('missing or non-Bearer header is 401 with the envelope', async () => {
    const r = await api('GET', '/organizations', { auth: false })
    expect(r.status).toBe(401)
    expect(r.body).toEqual(envelope(401, 'Authorization header must be Bearer token'))
    const basic = await api('GET', '/organizations', { auth: false, headers: { authorization: 'Basic x' } })
    expect(basic.body).toEqual(envelope(401, 'Authorization header must be Bearer token'))
  })

  test('wrong key is 401 Authentication failed; /health is open', async () => {
    const r = await api('GET', '/organizations', { auth: false, headers: { authorization: 'Bearer nope' } })
    expect(r.body).toEqual(envelope(401, 'Authentication failed'))
    expect((await api('GET', '/health', { auth: false })).status).toBe(200)
  })
})

describe('organizations', () => {
  test('create, list, get, update, delete with cascade', async () => {
    const org = await createOrg('Acme', { public_metadata: JSON.stringify({ plan: 'pro' }), slug: 'ignored' })
    expect(Object.keys(org)).toEqual([
      'id', 'created_at', 'updated_at', 'name', 'image_url', 'description', 'member_count', 'public_metadata', 'private_metadata',
    ])
    expect(org.id).toMatch(/^\d{17,18}$/)
    expect(org.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
    expect(org).toMatchObject({ name: 'Acme', image_url: '', description: '', member_count: 0, public_metadata: { plan: 'pro' }, private_metadata: {} })

    const list = await api('GET', '/organizations')
    expect(list.body).toMatchObject({ has_more: false, limit: 10, offset: 0 })
    expect(list.body.total).toBeUndefined()
    expect(list.body.data.map((o) => o.id)).toEqual([org.id])

    const details = (await api('GET', `/organizations/${org.id}`)).body
    expect(details.roles.map((r) => [r.name, r.is_deployment_level])).toEqual([['Admin', true], ['Member', true]])
    expect(details.workspaces).toEqual([])
    expect(details.segments).toEqual([])

    const noFields = await api('PATCH', `/organizations/${org.id}`, { form: { slug: 'x' } })
    expect(noFields.body).toEqual(envelope(400, 'No fields to update'))
    const updated = await api('PATCH', `/organizations/${org.id}`, { form: { name: 'Acme 2', public_metadata: '{"b":2}' } })
    expect(updated.body).toMatchObject({ name: 'Acme 2', public_metadata: { b: 2 } })
    expect(updated.body.updated_at >= org.updated_at).toBe(true)

    const [ada] = await emu.listUsers()
    await api('POST', `/organizations/${org.id}/members`, { json: { user_id: ada.id, role_ids: [] } })
    await api('POST', `/organizations/${org.id}/invitations`, { json: { email: 'x@example.com' } })
    await api('POST', `/organizations/${org.id}/workspaces`, { form: { name: 'Eng' } })
    expect((await api('GET', `/organizations/${org.id}`)).body.member_count).toBe(1)

    const del = await api('DELETE', `/organizations/${org.id}`)
    expect([del.status, del.body]).toEqual([200, {}])
    expect((await api('GET', `/organizations/${org.id}`)).body).toEqual(envelope(404, 'Organization not found'))
    expect((await api('DELETE', `/organizations/${org.id}`)).status).toBe(404)
    expect((await api('GET', `/organizations/${org.id}/members`)).body).toEqual({ data: [], has_more: false, limit: 20, offset: 0 })
    expect((await api('GET', `/organizations/${org.id}/invitations`)).body).toEqual({ data: [], has_more: false })
  })

  test('create validation: name, metadata JSON, image type', async () => {
    expect((await api('POST', '/organizations', { form: { description: 'x' } })).body).toEqual(envelope(400, 'Organization name is required'))
    const meta = await api('POST', '/organizations', { form: { name: 'a', public_metadata: '{oops' } })
    expect(meta.status).toBe(400)
    expect(meta.body.errors[0].message).toMatch(/^Invalid public metadata JSON: /)
    const bmp = await api('POST', '/organizations', { form: { name: 'a', organization_image: new Blob(['BM'], { type: 'image/bmp' }) } })
    expect(bmp.body).toEqual(envelope(400, 'Unsupported image format. Supported formats: JPEG, PNG, GIF, WEBP, ICO'))
    const png = await api('POST', '/organizations', { form: { name: 'a', organization_image: new Blob(['PNG'], { type: 'image/png' }) } })
    expect(png.body.image_url).toBe(`https://cdn.wacht.emulator/deployments/1/organizations/${png.body.id}/logo.png`)
  })

  test('pagination, sort and search', async () => {
    for (const name of ['Charlie', 'alpha', 'Bravo']) await createOrg(name)
    const names = (r) => r.body.data.map((o) => o.name)
    expect(names(await api('GET', '/organizations'))).toEqual(['Bravo', 'alpha', 'Charlie'])
    const page = await api('GET', '/organizations?limit=2')
    expect([names(page).length, page.body.has_more]).toEqual([2, true])
    expect(names(await api('GET', '/organizations?sort_key=name&sort_order=asc'))).toEqual(['Bravo', 'Charlie', 'alpha'])
    expect(names(await api('GET', '/organizations?search=ALP'))).toEqual(['alpha'])
  })
})

describe('members', () => {
  test('seeded users, role alias, duplicate 400, list and remove', async () => {
    const org = await createOrg()
    const users = await emu.listUsers()
    expect(users.map((u) => u.first_name)).toEqual(['Ada', 'Grace', 'Alan'])
    const p = `/organizations/${org.id}/members`
    const m = await api('POST', p, { json: { user_id: users[0].id, role: 'org:admin' } })
    expect(m.status).toBe(200)
    expect(m.body).toMatchObject({ organization_id: org.id, user_id: users[0].id, first_name: 'Ada', primary_email_address: 'ada@example.com' })
    expect(m.body.roles.map((r) => r.name)).toEqual(['Admin'])

    expect((await api('POST', p, { json: { user_id: users[0].id, role_ids: [] } })).body).toEqual(
      envelope(400, 'User is already a member of this organization'),
    )
    expect((await api('POST', p, { json: { user_id: '1', role_ids: [] } })).body).toEqual(envelope(404, 'User not found'))
    expect((await api('POST', p, { json: { user_id: users[1].id } })).body).toEqual(envelope(422, 'Invalid request payload'))

    const grace = await emu.createUser({ first_name: 'Linus', last_name: 'T', email: 'LINUS@example.com' })
    expect(grace.primary_email_address).toBe('linus@example.com')
    await api('POST', p, { json: { user_id: grace.id, role: 'org:member' } })
    const list = await api('GET', `${p}?search=linus`)
    expect(list.body.data.map((x) => x.first_name)).toEqual(['Linus'])
    expect(list.body.data[0].roles[0]).toMatchObject({ name: 'Member', is_deployment_level: true })

    const mp = `${p}/${m.body.id}`
    expect((await api('PATCH', mp, { json: {} })).body).toEqual({})
    expect((await api('PATCH', mp, { json: { role: 'org:member' } })).body).toEqual({})
    const after = (await api('GET', p)).body.data.find((x) => x.id === m.body.id)
    expect(after.roles.map((r) => r.name)).toEqual(['Member'])
    expect((await api('DELETE', mp)).body).toEqual({})
    expect((await api('DELETE', mp)).body).toEqual(envelope(404, 'Organization membership not found'))
  })
})

describe('roles', () => {
  test('deployment roles, create, duplicate 400, protected deployment roles', async () => {
    const org = await createOrg()
    const p = `/organizations/${org.id}/roles`
    const list = (await api('GET', p)).body
    expect(list.has_more).toBe(false)
    expect(list.data.map((r) => [r.name, r.permissions, r.is_deployment_level])).toEqual([
      ['Admin', ['organization:admin'], true],
      ['Member', ['organization:member'], true],
    ])
    const role = await api('POST', p, { json: { name: 'Billing', key: 'org:billing', description: 'd', permissions: ['billing:read'] } })
    expect(Object.keys(role.body)).toEqual(['id', 'created_at', 'updated_at', 'name', 'permissions', 'is_deployment_level'])
    expect((await api('POST', p, { json: { name: 'Billing', permissions: [] } })).body).toEqual(envelope(400, 'Role with this name already exists'))
    expect((await api('PATCH', `${p}/${list.data[0].id}`, { json: { name: 'Boss' } })).body).toEqual(envelope(404, 'Organization role not found'))
    expect((await api('PATCH', `${p}/${role.body.id}`, { json: {} })).body).toEqual(envelope(400, 'No fields to update'))
    const [ada] = await emu.listUsers()
    const m = await api('POST', `/organizations/${org.id}/members`, { json: { user_id: ada.id, role: 'org:billing' } })
    expect(m.body.roles.map((r) => r.name)).toEqual(['Billing'])
    expect((await api('DELETE', `${p}/${role.body.id}`)).body).toEqual({})
  })
})

describe('invitations', () => {
  test('token format, 409s, discard twice 404', async () => {
    const org = await createOrg()
    const p = `/organizations/${org.id}/invitations`
    const inv = await api('POST', p, { json: { email: '  Someone@Example.COM ' } })
    expect(inv.body).toMatchObject({ email: 'someone@example.com', organization_id: org.id, organization_name: 'Acme', workspace_id: null })
    expect(inv.body.token).toMatch(/^org\.[0-9a-f]{64}$/)
    expect((await api('POST', p, { json: { email: 'someone@example.com' } })).body).toEqual(
      envelope(409, 'an invitation for this email is already pending'),
    )
    const [ada] = await emu.listUsers()
    await api('POST', `/organizations/${org.id}/members`, { json: { user_id: ada.id, role_ids: [] } })
    expect((await api('POST', p, { json: { email: 'ada@example.com' } })).status).toBe(409)

    const list = (await api('GET', p)).body
    expect(list).toMatchObject({ has_more: false })
    expect(list.data[0]).toMatchObject({ email: 'someone@example.com', expired: false, inviter_id: null, token: inv.body.token })

    const d = `${p}/${inv.body.id}/discard`
    expect((await api('POST', d)).body).toEqual({})
    expect((await api('POST', d)).body).toEqual(envelope(404, 'invitation not found'))
    expect((await api('GET', p)).body.data).toEqual([])
    expect((await api('GET', `${p}?include_deleted=true`)).body.data).toHaveLength(1)
  })
})

describe('framework errors are JSON envelopes', () => {
  test('400 malformed JSON, 422 wrong types, 415, 404, 405, bad ids', async () => {
    const org = await createOrg()
    const p = `/organizations/${org.id}/roles`
    const malformed = await api('POST', p, { raw: '{"name":', headers: { 'content-type': 'application/json' } })
    expect(malformed.body).toEqual(envelope(400, 'Bad request'))
    expect((await api('POST', p, { json: { name: 1, permissions: [] } })).body).toEqual(envelope(422, 'Invalid request payload'))
    const noType = await api('POST', p, { raw: '{"name":"a","permissions":[]}', headers: { 'content-type': 'text/plain' } })
    expect(noType.body).toEqual(envelope(415, 'Request failed'))
    expect((await api('GET', '/nope')).body).toEqual(envelope(404, 'Not found'))
    expect((await api('PUT', '/organizations')).body).toEqual(envelope(405, 'Method not allowed'))
    expect((await api('GET', '/organizations/org_abc123')).body).toEqual(envelope(400, 'Bad request'))
  })
})

describe('faults', () => {
  test('status with JSON body, then back to normal', async () => {
    await emu.injectFault({ method: 'GET', path: '/organizations', status: 500, body: { errors: [{ message: 'boom', code: 500 }] } })
    const r = await api('GET', '/organizations')
    expect([r.status, r.body]).toEqual([500, envelope(500, 'boom')])
    expect((await api('GET', '/organizations')).status).toBe(200)
  })

  test('HTML body, Retry-After and times count', async () => {
    await emu.injectFault({ path: '/organizations/**', status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html', times: 2 })
    for (let i = 0; i < 2; i++) {
      const r = await api('GET', '/organizations/1/members')
      expect([r.status, r.type, r.text]).toEqual([502, 'text/html', '<html>Bad gateway</html>'])
    }
    expect((await api('GET', '/organizations/1/members')).status).toBe(200)

    await emu.injectFault({ status: 429, retryAfter: 3 })
    const limited = await api('GET', '/organizations')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    expect(limited.body).toEqual(envelope(429, 'Rate limit exceeded. Retry after 3 seconds'))
  })

  test('delayMs delays, drop makes fetch reject, clearFaults and removeFault', async () => {
    await emu.injectFault({ delayMs: 250 })
    const t0 = Date.now()
    expect((await api('GET', '/organizations')).status).toBe(200)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240)

    await emu.injectFault({ path: '/organizations', drop: true })
    await expect(fetch(`${emu.url}/organizations`, { headers: { authorization: `Bearer ${emu.apiKey}` } })).rejects.toThrow()
    expect((await api('GET', '/organizations')).status).toBe(200)

    await emu.injectFault({ status: 503, times: 10 })
    await emu.clearFaults()
    expect((await api('GET', '/organizations')).status).toBe(200)
    const id = await emu.injectFault({ status: 503 })
    expect(await emu.removeFault(id)).toBe(true)
    expect(await emu.removeFault(id)).toBe(false)
    await expect(emu.injectFault({ path: '/x' })).rejects.toThrow(/status/)
  })

  test('faults over HTTP admin routes; admin routes are never faulted', async () => {
    const r = await api('POST', '/_emulator/faults', { json: { status: 503, times: 5 } })
    expect(r.body).toEqual({ id: expect.any(Number) })
    expect((await api('GET', '/_emulator/users')).status).toBe(200)
    expect((await api('GET', '/organizations')).status).toBe(503)
    expect((await api('DELETE', '/_emulator/faults')).body).toEqual({})
    expect((await api('GET', '/organizations')).status).toBe(200)
  })
})

describe('lifecycle', () => {
  test('persistence across restart with a data file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wacht-emu-'))
    const dataFile = path.join(dir, 'state.db')
    try {
      const a = await startEmulator({ dataFile, apiKey: 'k1' })
      const org = (await api('POST', '/organizations', { on: a, form: { name: 'Durable' } })).body
      const users = (await api('GET', '/_emulator/users', { on: a })).body.data
      await api('POST', `/organizations/${org.id}/members`, { on: a, json: { user_id: users[1].id, role: 'org:admin' } })
      await a.close()
      await a.close()

      const b = await startEmulator({ dataFile, apiKey: 'k1' })
      try {
        const details = (await api('GET', `/organizations/${org.id}`, { on: b })).body
        expect(details).toMatchObject({ id: org.id, name: 'Durable', member_count: 1 })
        expect(await b.listUsers()).toHaveLength(3)
      } finally {
        await b.close()
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('200 concurrent creates: distinct ids, consistent count', async () => {
    const created = await Promise.all(
      Array.from({ length: 200 }, (_, i) => api('POST', '/organizations', { form: { name: `org-${i}` } })),
    )
    expect(created.every((r) => r.status === 200)).toBe(true)
    expect(new Set(created.map((r) => r.body.id)).size).toBe(200)
    const all = await api('GET', '/organizations?limit=500')
    expect(all.body.data).toHaveLength(200)
  })

  test('options are validated; close is idempotent', async () => {
    await expect(startEmulator({ port: 70000 })).rejects.toThrow(/port/)
    const e = await startEmulator({ seedUsers: false, apiKey: 'other' })
    expect(await e.listUsers()).toEqual([])
    expect(e.apiKey).toBe('other')
    await Promise.all([e.close(), e.close()])
  })
})
