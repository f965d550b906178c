-- wrk script for bench/run.py: after a run, print one line it can parse.
--
-- wrk's own summary rounds latencies and shows no p95; this prints requests per second,
-- the p50/p95/p99 and maximum latency in milliseconds, and the error counts as JSON after
-- the marker "BENCH_RESULT ". `errors.status` counts answers with a status of 400 or more.

done = function(summary, latency, requests)
   local errors = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "BENCH_RESULT {\"requests\": %d, \"seconds\": %.3f, \"requests_per_s\": %.2f, "
         .. "\"p50_ms\": %.3f, \"p95_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f, "
         .. "\"socket_errors\": %d, \"error_statuses\": %d, \"bytes\": %d}\n",
      summary.requests,
      seconds,
      summary.requests / seconds,
      latency:percentile(50) / 1000,
      latency:percentile(95) / 1000,
      latency:percentile(99) / 1000,
      latency.max / 1000,
      errors.connect + errors.read + errors.write + errors.timeout,
      errors.status,
      summary.bytes
   ))
end
