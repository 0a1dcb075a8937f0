-- wrk script: GET one ticket by service number with its own customer token.
-- The pairs file (service number, token per line) comes from aftercare-bench-load.
local pairs_file = os.getenv("BENCH_TOKENS") or "bench-tokens.txt"
local numbers, tokens = {}, {}
for line in io.lines(pairs_file) do
  local number, token = line:match("^(%S+)%s+(%S+)$")
  if number then
    numbers[#numbers + 1] = number
    tokens[#tokens + 1] = token
  end
end
math.randomseed(os.time())

request = function()
  local i = math.random(#numbers)
  return wrk.format("GET", "/api/v1/tickets/" .. numbers[i], { ["Authorization"] = "Bearer " .. tokens[i] })
end

