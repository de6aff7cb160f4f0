-- wrk script for scripts/bench.ts.
--   wrk ... -s scripts/bench-wrk.lua <url> -- <report.json> [<requests.tsv>]
-- With a requests file (one pre-signed callback a line: id TAB timestamp TAB
-- signature TAB body), each thread POSTs its own share of the lines, never one twice,
-- and remembers the deliveryId of every 2xx answer. done() writes a JSON report with
-- latency percentiles, status counts and those ids, so the caller can check that
-- every answered callback was committed.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("thread_index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  report_path = args[1]
  lines = {}
  ids = {}
  ok = 0
  other = 0
  if args[2] then
    for line in io.lines(args[2]) do
      table.insert(lines, line)
    end
  end
  -- Thread i sends lines i, i+n, i+2n ... (n threads), so no line is sent twice.
  step = counter > 0 and counter or 1
  position = thread_index + 1
end

function request()
  if #lines == 0 then
    return wrk.format("GET")
  end
  local line = lines[position]
  position = position + step
  if line == nil then
    line = lines[1]
  end
  local id, timestamp, signature, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["svix-id"] = id,
    ["svix-timestamp"] = timestamp,
    ["svix-signature"] = signature,
  }, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
    local id = body:match('"deliveryId":"([^"]+)"')
    if id then table.insert(ids, id) end
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local all_ids, ok_total, other_total = {}, 0, 0
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("ok")
    other_total = other_total + thread:get("other")
    for _, id in ipairs(thread:get("ids")) do table.insert(all_ids, '"' .. id .. '"') end
  end
  local file = io.open(threads[1]:get("report_path"), "w")
  file:write(string.format(
    '{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"ok":%d,"other":%d,"socketErrors":%d,"ids":[%s]}',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), ok_total, other_total,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    table.concat(all_ids, ",")))
  file:close()
end
