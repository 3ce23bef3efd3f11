-- wrk script of scripts/bench-pages.sh: sends the session cookie or the token it is given, and prints one line
-- with requests/s, p50, p95, p99 (ms) and the failures, which wrk's own summary leaves out (it has no p95).
local cookie = os.getenv("BENCH_COOKIE")
local token = os.getenv("BENCH_TOKEN")

request = function()
  local headers = { ["Accept-Language"] = "vi" }
  if cookie and cookie ~= "" then headers["Cookie"] = cookie end
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", nil, headers)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
end
