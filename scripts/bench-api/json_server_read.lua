-- wrk script: GET /tickets/:id from json-server, ids 1..N (BENCH_JS_TICKETS).
local n = tonumber(os.getenv("BENCH_JS_TICKETS") or "1000")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/tickets/" .. math.random(n))
end
