/**
 * The Lua side of the Redis resource: each filesystem operation is one script,
 * so its checks (does the parent exist, is the target a directory) and its
 * updates happen in one atomic step on the server, whatever other clients do
 * meanwhile. The key schema is described in Redis.ts.
 *
 * Every script takes the key prefix as ARGV[1]. A script checks everything
 * before its first write, because Redis does not roll a script back when it
 * fails halfway. Failures are raised as `MIRAGE <errno name> <which>`, where
 * `which` says whose path it is (0 the only path, 1 the source, 2 the
 * target); the resource turns them into `VfsError`s in one place.
 */

/** Helpers shared by every script: keys, time, and path resolution (as RAM's `walk`). */
const library = `
local P = ARGV[1]
local function nkey(p) return P .. 'n:' .. p end
local function dkey(p) return P .. 'd:' .. p end
local function ckey(p) return P .. 'c:' .. p end
local function fail(code, which) error({ err = 'MIRAGE ' .. code .. ' ' .. (which or 0) }) end
-- Lua numbers are doubles: format them as integers, never as 1.7e+12.
local function int(n) return string.format('%d', n) end
-- The server's clock, so that every client sharing the store agrees on times.
local function now()
  local t = redis.call('TIME')
  return t[1] .. string.format('%03d', math.floor(tonumber(t[2]) / 1000))
end
local function join(dir, name) if dir == '/' then return '/' .. name end return dir .. '/' .. name end
local function within(p, dir) return p == dir or string.sub(p, 1, #dir + 1) == dir .. '/' end
local function nextSeq() return int(redis.call('INCR', P .. 'seq')) end
local function touch(dir, t)
  if dir == '/' then
    redis.call('HSETNX', nkey('/'), 'type', 'directory')
    redis.call('HSETNX', nkey('/'), 'mode', '493')
  end
  redis.call('HSET', nkey(dir), 'mtime', t)
end
local function enter(parent, name, kind, t)
  redis.call('HSET', dkey(parent), name, kind)
  touch(parent, t)
end
local function leave(parent, name, t)
  redis.call('HDEL', dkey(parent), name)
  touch(parent, t)
end

-- Resolve a path segment by segment. Intermediate links are always followed,
-- the last one only when follow; '..' goes to the physical parent and stops at
-- the root. The result: real (the resolved path), type (false when only the
-- last segment is missing), parent and name (parent is nil when the walk ends
-- on a directory without a final name: the root, or a link to '.' or '..').
local function walk(path, follow, which)
  local anc = { '/' }
  local pending = {}
  for s in string.gmatch(path, '[^/]+') do table.insert(pending, 1, s) end
  local links = 0
  while #pending > 0 do
    local name = table.remove(pending)
    if name == '..' then
      if #anc > 1 then table.remove(anc) end
    elseif name ~= '.' then
      local dir = anc[#anc]
      local p = join(dir, name)
      local t = redis.call('HGET', nkey(p), 'type')
      local last = #pending == 0
      if not t then
        if last then return { real = p, type = false, parent = dir, name = name } end
        fail('ENOENT', which)
      end
      if t == 'symlink' and (follow or not last) then
        links = links + 1
        if links > 40 then fail('ELOOP', which) end
        local target = redis.call('HGET', nkey(p), 'target')
        if string.sub(target, 1, 1) == '/' then anc = { '/' } end
        local segments = {}
        for s in string.gmatch(target, '[^/]+') do table.insert(segments, s) end
        for i = #segments, 1, -1 do table.insert(pending, segments[i]) end
      elseif last then
        return { real = p, type = t, parent = dir, name = name }
      elseif t ~= 'directory' then
        fail('ENOTDIR', which)
      else
        table.insert(anc, p)
      end
    end
  end
  return { real = anc[#anc], type = 'directory', parent = nil, name = '' }
end

-- Point a file node at content just stored in ckey(real); base changes unless
-- the old bytes were kept (an append), so running reads notice a rewrite.
local function commitFile(w, keepBase, t)
  local seq = nextSeq()
  local size = int(redis.call('STRLEN', ckey(w.real)))
  if w.type then
    redis.call('HSET', nkey(w.real), 'size', size, 'version', seq, 'mtime', t)
    if not keepBase then redis.call('HSET', nkey(w.real), 'base', seq) end
  else
    redis.call('HSET', nkey(w.real), 'type', 'file', 'mode', '420', 'size', size, 'version', seq, 'base', seq, 'mtime', t)
    enter(w.parent, w.name, 'file', t)
  end
end
`

/** A script's source: the shared helpers, then its own body. */
const script = (body: string): string => library + body

/** ARGV: prefix, path, follow ("1" or "0"). Returns type, size, mtime, mode, version, target. */
export const stat = script(`
local w = walk(ARGV[2], ARGV[3] == '1', 0)
if not w.type then fail('ENOENT') end
local h = redis.call('HMGET', nkey(w.real), 'type', 'size', 'mtime', 'mode', 'version', 'target')
h[1] = w.type
-- The root exists before anything is stored; until then it is as new as the moment.
if w.real == '/' and not h[3] then h[3] = now() end
return h
`)

/** ARGV: prefix, path. Returns name, type, name, type... */
export const list = script(`
local w = walk(ARGV[2], true, 0)
if not w.type then fail('ENOENT') end
if w.type ~= 'directory' then fail('ENOTDIR') end
return redis.call('HGETALL', dkey(w.real))
`)

/**
 * ARGV: prefix, path, start, end (-1: to the end), chunk size. Returns the
 * resolved path, its base, where the first chunk stopped, the end, and the
 * first chunk: a small file is read in this one atomic step.
 */
export const open = script(`
local w = walk(ARGV[2], true, 0)
if not w.type then fail('ENOENT') end
if w.type == 'directory' then fail('EISDIR') end
local h = redis.call('HMGET', nkey(w.real), 'base', 'size')
local size = tonumber(h[2]) or 0
local e = tonumber(ARGV[4])
if e < 0 or e > size then e = size end
local s = math.max(tonumber(ARGV[3]), 0)
if s > e then s = e end
local stop = math.min(s + tonumber(ARGV[5]), e)
local first = ''
if stop > s then first = redis.call('GETRANGE', ckey(w.real), int(s), int(stop - 1)) end
return { w.real, h[1], int(stop), int(e), first }
`)

/** ARGV: prefix, resolved path, base, first byte, last byte (inclusive). Fails ECHANGED after a rewrite. */
export const chunk = script(`
if redis.call('HGET', nkey(ARGV[2]), 'base') ~= ARGV[3] then fail('ECHANGED') end
return redis.call('GETRANGE', ckey(ARGV[2]), ARGV[4], ARGV[5])
`)

/** ARGV: prefix, temp key, bytes, ttl in ms. Uploads land here piece by piece; an abandoned one expires. */
export const upload = `
redis.call('APPEND', ARGV[2], ARGV[3])
redis.call('PEXPIRE', ARGV[2], ARGV[4])
return 0
`

/**
 * ARGV: prefix, path, exclusive, append, source, payload. `source` is
 * "check" (only the checks, before any input is read), "inline" (payload is
 * the bytes) or "temp" (payload is the temp key an upload filled, moved or
 * appended into place here).
 */
export const write = script(`
local path, source, payload = ARGV[2], ARGV[5], ARGV[6]
-- O_CREAT|O_EXCL fails on any existing entry, a dangling link included.
if ARGV[3] == '1' and walk(path, false, 0).type then fail('EEXIST') end
local w = walk(path, true, 0)
if w.type and w.type ~= 'file' then fail('EISDIR') end
if source == 'check' then return 0 end
if source == 'temp' and redis.call('EXISTS', payload) == 0 then fail('EEXPIRED') end
local c = ckey(w.real)
local append = ARGV[4] == '1' and w.type == 'file'
if source == 'temp' then
  if append then
    redis.call('APPEND', c, redis.call('GET', payload))
    redis.call('DEL', payload)
  else
    redis.call('RENAME', payload, c)
    redis.call('PERSIST', c)
  end
elseif append then
  redis.call('APPEND', c, payload)
else
  redis.call('SET', c, payload)
end
commitFile(w, append, now())
return 0
`)

/** ARGV: prefix, path. */
export const mkdir = script(`
local w = walk(ARGV[2], false, 0)
if w.type or not w.parent then fail('EEXIST') end
local t = now()
redis.call('HSET', nkey(w.real), 'type', 'directory', 'mode', '493', 'mtime', t)
enter(w.parent, w.name, 'directory', t)
return 0
`)

/** ARGV: prefix, path. A file, a link or an empty directory. */
export const remove = script(`
local w = walk(ARGV[2], false, 0)
if not w.type then fail('ENOENT') end
if not w.parent then fail('EBUSY') end
if w.type == 'directory' and redis.call('HLEN', dkey(w.real)) > 0 then fail('ENOTEMPTY') end
redis.call('DEL', nkey(w.real), dkey(w.real), ckey(w.real))
leave(w.parent, w.name, now())
return 0
`)

/**
 * ARGV: prefix, from, to. The checks and their order follow Linux's
 * renameat2, as RAM's do; a directory moves with every key below it.
 */
export const rename = script(`
local s = walk(ARGV[2], false, 1)
local d = walk(ARGV[3], false, 2)
if not s.type then fail('ENOENT', 1) end
if not s.parent then fail('EBUSY', 1) end
if not d.parent then fail('EBUSY', 2) end
if s.type == 'directory' and within(d.parent, s.real) then fail('EINVAL', 2) end
if d.type then
  if d.real == s.real then return 0 end
  if d.type == 'directory' and within(s.parent, d.real) then fail('ENOTEMPTY', 2) end
  if s.type == 'directory' and d.type ~= 'directory' then fail('ENOTDIR', 2) end
  if s.type ~= 'directory' and d.type == 'directory' then fail('EISDIR', 2) end
  if d.type == 'directory' and redis.call('HLEN', dkey(d.real)) > 0 then fail('ENOTEMPTY', 2) end
  redis.call('DEL', nkey(d.real), dkey(d.real), ckey(d.real))
end
local moving = { s.real }
local i = 1
while i <= #moving do
  local entries = redis.call('HGETALL', dkey(moving[i]))
  for j = 1, #entries, 2 do table.insert(moving, join(moving[i], entries[j])) end
  i = i + 1
end
for _, p in ipairs(moving) do
  local q = d.real .. string.sub(p, #s.real + 1)
  for _, key in ipairs({ nkey, dkey, ckey }) do
    if redis.call('EXISTS', key(p)) == 1 then redis.call('RENAME', key(p), key(q)) end
  end
end
local t = now()
leave(s.parent, s.name, t)
enter(d.parent, d.name, s.type, t)
return 0
`)

/** ARGV: prefix, from, to. A server-side copy of a file's bytes (COPY, Redis 6.2+). */
export const copy = script(`
local s = walk(ARGV[2], true, 1)
if not s.type then fail('ENOENT', 1) end
if s.type == 'directory' then fail('EISDIR', 1) end
local d = walk(ARGV[3], true, 2)
if d.type and d.type ~= 'file' then fail('EISDIR', 2) end
if d.real == s.real then return 0 end
if redis.call('EXISTS', ckey(s.real)) == 1 then
  redis.call('COPY', ckey(s.real), ckey(d.real), 'REPLACE')
else
  redis.call('SET', ckey(d.real), '')
end
commitFile(d, false, now())
return 0
`)

/** ARGV: prefix, target, path. */
export const symlink = script(`
if ARGV[2] == '' then fail('ENOENT') end
local w = walk(ARGV[3], false, 0)
if w.type or not w.parent then fail('EEXIST') end
local t = now()
redis.call('HSET', nkey(w.real), 'type', 'symlink', 'mode', '511', 'target', ARGV[2], 'mtime', t)
enter(w.parent, w.name, 'symlink', t)
return 0
`)

/** ARGV: prefix, path. Returns the target. */
export const readlink = script(`
local w = walk(ARGV[2], false, 0)
if not w.type then fail('ENOENT') end
if w.type ~= 'symlink' then fail('EINVAL') end
return redis.call('HGET', nkey(w.real), 'target')
`)

/** ARGV: prefix, path, mtime (ms). */
export const setMtime = script(`
local w = walk(ARGV[2], true, 0)
if not w.type then fail('ENOENT') end
if w.real == '/' then touch('/', ARGV[3]) else redis.call('HSET', nkey(w.real), 'mtime', ARGV[3]) end
return 0
`)

/** ARGV: prefix, path, size. Shrinks or extends with zero bytes. */
export const truncate = script(`
local w = walk(ARGV[2], true, 0)
if not w.type then fail('ENOENT') end
if w.type == 'directory' then fail('EISDIR') end
local c = ckey(w.real)
local n = tonumber(ARGV[3])
local size = redis.call('STRLEN', c)
if n < size then
  redis.call('SET', c, n == 0 and '' or redis.call('GETRANGE', c, 0, int(n - 1)))
elseif n > size then
  redis.call('SETRANGE', c, int(n - 1), '\\0')
end
commitFile(w, false, now())
return 0
`)
