-- wrk script: create an urgent repair ticket, each from a phone of its own, so every create queues
-- one SMS (urgent: never held by quiet hours; its own number: never held by the per-number limit)
-- and one webhook per subscribed endpoint.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local threads = 0
local counter = 0
local id = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  id = wrk.thread:get("id") or 0
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"kind":"repair","priority":"urgent","customer":{"name":"压测用户","phone":"13%d%08d"},' ..
    '"notify_by":["sms"],"subject":"压测工单 %d","description":"基准测试创建的工单，用于测量通知发送。"}',
    id % 10, (counter * 7919 + os.time()) % 100000000, counter)
  return wrk.format(nil, nil, nil, body)
end
