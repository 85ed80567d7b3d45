-- wrk script for stress/load.py: a mix of what visitors do (pages, searches, the map's shapes),
-- and a record of every answer, time (ms since the epoch) and status, one line each, in a file
-- per thread, so the driver can tell exactly when errors stopped after PostgreSQL restarted.
-- Arguments after "--": the file of search bodies (one JSON document a line), the records folder.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } load_timeval;
  int gettimeofday(load_timeval *tv, void *tz);
]]
local clock = ffi.new("load_timeval")

local function now_ms()
  ffi.C.gettimeofday(clock, nil)
  return tonumber(clock.tv_sec) * 1000 + math.floor(tonumber(clock.tv_usec) / 1000)
end

local threads = {}
local next_thread = 1

function setup(thread)
  thread:set("id", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

local requests = {}
local next_request = 1
-- A search's slot in the mix: each takes the next of the search bodies, in turn.
local SEARCH = false
local searches = {}
local next_search = 1
local records
local unflushed = 0

function init(args)
  local json = { ["Content-Type"] = "application/json" }
  local pages = {
    { "GET", "/", nil, nil },
    { "GET", "/services/roam/", nil, nil },
    { "GET", "/areas/glasgow-city/", nil, nil },
  }
  -- Per ten requests: two of each page, three searches and one map of the areas.
  for _, page in ipairs(pages) do
    table.insert(requests, wrk.format(page[1], page[2]))
    table.insert(requests, wrk.format(page[1], page[2]))
  end
  for line in io.lines(args[1]) do
    table.insert(searches, wrk.format("POST", "/api/v1/search", json, line))
  end
  for _ = 1, 3 do
    table.insert(requests, SEARCH)
  end
  table.insert(requests, wrk.format("GET", "/api/v1/areas", { ["Accept-Encoding"] = "gzip" }))
  records = io.open(args[2] .. "/thread-" .. id .. ".txt", "w")
end

function request()
  local chosen = requests[next_request]
  next_request = next_request % #requests + 1
  if chosen == SEARCH then
    chosen = searches[next_search]
    next_search = next_search % #searches + 1
  end
  return chosen
end

function response(status, headers, body)
  records:write(now_ms(), " ", status, "\n")
  unflushed = unflushed + 1
  if unflushed >= 1000 then
    records:flush()
    unflushed = 0
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, ' ..
    '"timeout": %d, "status": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, errors.connect, errors.read, errors.write,
    errors.timeout, errors.status, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max))
end
