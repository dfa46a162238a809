-- wrk script for scripts/bench_load.py: GET the paths (one per line in the file given after
-- `--`) in turn, count the page cache's hits, report one JSON line with latency percentiles.
local threads = {}

setup = function(thread)
    table.insert(threads, thread)
end

init = function(args)
    paths = {}
    for line in io.lines(args[1]) do
        if #line > 0 then table.insert(paths, line) end
    end
    index = math.random(#paths)
    hits = 0
    stale = 0
end

request = function()
    index = index % #paths + 1
    return wrk.format("GET", paths[index])
end

response = function(status, headers, body)
    local state = headers["X-Page-Cache"]
    if state == "hit" then hits = hits + 1 elseif state == "stale" then stale = stale + 1 end
end

done = function(summary, latency, requests)
    local errors = summary.errors
    local total_hits, total_stale = 0, 0
    for _, thread in ipairs(threads) do
        total_hits = total_hits + thread:get("hits")
        total_stale = total_stale + thread:get("stale")
    end
    io.write(string.format(
        '{"requests": %d, "duration_us": %d, "socket_errors": %d, "non_2xx": %d, "hits": %d, ' ..
        '"stale": %d, ' ..
        '"p50_us": %d, "p90_us": %d, "p95_us": %d, "p99_us": %d}\n',
        summary.requests, summary.duration,
        errors.connect + errors.read + errors.write + errors.timeout, errors.status, total_hits,
        total_stale,
        latency:percentile(50), latency:percentile(90), latency:percentile(95),
        latency:percentile(99)))
end
