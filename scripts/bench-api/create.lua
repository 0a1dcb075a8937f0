-- wrk script: create a repair ticket (no Idempotency-Key: every request is a new ticket).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0

request = function()
  counter = counter + 1
  local body = string.format(
    '{"kind":"repair","priority":"general","customer":{"name":"压测用户","phone":"13800138%03d"},' ..
    '"product":{"model":"KF-200","serial":"KF200-2401-0123"},"subject":"压测工单 %d",' ..
    '"description":"基准测试创建的工单，用于测量写入性能。"}', counter % 1000, counter)
  return wrk.format(nil, nil, nil, body)
end

