-- The benchmark's wrk script (bench/, WrkRun). Two modes, chosen by the environment variable BENCH_MODE:
--   replay  sends requests built beforehand by the benchmark, in turn, from the file BENCH_POOL.<thread index> (raw
--           HTTP/1.1 requests, each ended by a NUL byte; each thread has its own file, so no two threads send the same
--           request), and counts as a failure every answer that is not HTTP 200 with each text of BENCH_TEXTS
--           (newline-separated) in its body. A thread that has sent its whole file starts it over; when BENCH_SINGLE_USE
--           is 1 the server refuses such repeats, and the requests sent beyond the file are reported.
--   static  sends the first request of BENCH_POOL.0 as wrk's own fixed request, formatted once, with no Lua call per
--           request or answer and no check but wrk's own count of non-2xx statuses: wrk alone, the reference the
--           replaying generator is held to.
-- Both end by printing one line, "BENCH-RESULT " and a JSON object, which the benchmark reads.
-- Settings come from the environment because done() runs in wrk's main Lua state, which never sees init()'s arguments.

local mode = os.getenv("BENCH_MODE") or "replay"
local pool_base = os.getenv("BENCH_POOL")
local single_use = os.getenv("BENCH_SINGLE_USE") == "1"
local texts = {}
for text in string.gmatch(os.getenv("BENCH_TEXTS") or "", "[^\n]+") do
   texts[#texts + 1] = text
end

local function read_records(path)
   local file = assert(io.open(path, "rb"))
   local data = file:read("*a")
   file:close()
   local records, position = {}, 1
   while true do
      local stop = string.find(data, "\0", position, true)
      if not stop then
         break
      end
      records[#records + 1] = string.sub(data, position, stop - 1)
      position = stop + 1
   end
   return records
end

-- Main state: one entry per thread, for done().
local threads = {}

function setup(thread)
   thread:set("thread_index", #threads)
   threads[#threads + 1] = thread
end

if mode == "replay" then
   function init(args)
      pool = read_records(pool_base .. "." .. thread_index)
      pool_size = #pool
      assert(pool_size > 0, "empty request pool " .. pool_base .. "." .. thread_index)
      position = 0
      sent = 0
      failures = 0
      first_failure = ""
      sample = ""
   end

   function request()
      position = position + 1
      if position > pool_size then
         position = 1
      end
      sent = sent + 1
      return pool[position]
   end

   function response(status, headers, body)
      local ok = status == 200
      if ok then
         for i = 1, #texts do
            if not string.find(body, texts[i], 1, true) then
               ok = false
               break
            end
         end
      end
      if ok then
         if sample == "" then
            sample = body
         end
      else
         failures = failures + 1
         if first_failure == "" then
            first_failure = "HTTP " .. status .. ": " .. string.sub(body or "", 1, 200)
         end
      end
   end
else
   function init(args)
      local raw = read_records(pool_base .. ".0")[1]
      local head, body = string.match(raw, "^(.-)\r\n\r\n(.*)$")
      wrk.method, wrk.path = string.match(head, "^(%S+) (%S+) HTTP/1%.1")
      for name, value in string.gmatch(head, "\r\n([^:\r\n]+): ([^\r\n]*)") do
         -- wrk counts the body's length itself.
         if string.lower(name) ~= "content-length" then
            wrk.headers[name] = value
         end
      end
      if body ~= "" then
         wrk.body = body
      end
   end
end

local function json_string(text)
   local escaped = string.gsub(text or "", '[%c"\\\128-\255]', function(c)
      return string.format("\\u%04x", string.byte(c))
   end)
   return '"' .. escaped .. '"'
end

local function json_strings(list)
   local quoted = {}
   for i = 1, #list do
      quoted[i] = json_string(list[i])
   end
   return "[" .. table.concat(quoted, ",") .. "]"
end

function done(summary, latency, requests)
   local failures, sent, most_sent, beyond, first_failures, samples = 0, 0, 0, 0, {}, {}
   for _, thread in ipairs(threads) do
      local thread_sent = thread:get("sent") or 0
      local thread_pool = thread:get("pool_size") or 0
      failures = failures + (thread:get("failures") or 0)
      sent = sent + thread_sent
      most_sent = math.max(most_sent, thread_sent)
      if single_use and thread_sent > thread_pool then
         beyond = beyond + thread_sent - thread_pool
      end
      local first_failure = thread:get("first_failure")
      if first_failure and first_failure ~= "" then
         first_failures[#first_failures + 1] = first_failure
      end
      local sample = thread:get("sample")
      if sample and sample ~= "" then
         samples[#samples + 1] = sample
      end
   end
   local errors = summary.errors
   io.write("BENCH-RESULT {"
      .. '"mode":' .. json_string(mode)
      .. ',"requests":' .. string.format("%d", summary.requests)
      .. ',"durationMicros":' .. string.format("%d", summary.duration)
      .. ',"connectErrors":' .. string.format("%d", errors.connect)
      .. ',"readErrors":' .. string.format("%d", errors.read)
      .. ',"writeErrors":' .. string.format("%d", errors.write)
      .. ',"statusErrors":' .. string.format("%d", errors.status)
      .. ',"timeouts":' .. string.format("%d", errors.timeout)
      .. ',"failures":' .. string.format("%d", failures)
      .. ',"sent":' .. string.format("%d", sent)
      .. ',"mostSentByAThread":' .. string.format("%d", most_sent)
      .. ',"beyondPool":' .. string.format("%d", beyond)
      .. ',"p50Micros":' .. string.format("%d", latency:percentile(50))
      .. ',"p95Micros":' .. string.format("%d", latency:percentile(95))
      .. ',"p99Micros":' .. string.format("%d", latency:percentile(99))
      .. ',"firstFailures":' .. json_strings(first_failures)
      .. ',"samples":' .. json_strings(samples)
      .. "}\n")
end
