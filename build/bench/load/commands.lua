-- wrk script for build/bench.sh: one single-record command per request, each with its own Idempotency-Key, spread over
-- the bench employees. Environment: BENCH_COMMAND (assessment, rating, enrolment or baseline-assessment), BENCH_IDS (a file
-- of employee ids, one a line), BENCH_TOKEN (bearer token; none for the baseline), BENCH_SELECTION (enrolment's selection),
-- BENCH_RUN (makes keys unique across runs). Each wrk thread takes its own part of the ids, so no two requests enrol the
-- same employee.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local command, token, selection, run = os.getenv("BENCH_COMMAND"), os.getenv("BENCH_TOKEN"), os.getenv("BENCH_SELECTION"), os.getenv("BENCH_RUN")
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
local n = 0

request = function()
  n = n + 1
  local half = math.floor(#ids / 2)
  local id = ids[(tid or 0) * half + (n - 1) % half + 1]
  local headers = { ["Content-Type"] = "application/json", ["Idempotency-Key"] = string.format("bench-%s-%s-%d-%d", run, command, tid or 0, n) }
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  if command == "assessment" or command == "baseline-assessment" then
    -- The assessor names the command, run and request (the API's and the baseline's rows must not collide): an assessment is unique by employee, competency, day, assessor and level.
    local body = string.format('{"competencyCode":"M-INTEGRITY","level":%d,"assessedOn":"2025-%02d-%02d","assessor":"Benchmark assessment centre %s-%s-%d-%d"}',
      n % 5 + 1, n % 12 + 1, n % 28 + 1, command, run, tid or 0, n)
    local prefix = command == "assessment" and "/api/v1/employees/" or "/bench/employees/"
    return wrk.format("POST", prefix .. id .. "/competency-assessments", headers, body)
  elseif command == "rating" then
    local ratings = { "VeryGood", "Good", "Good", "NeedsImprovement" }
    return wrk.format("PUT", "/api/v1/employees/" .. id .. "/performance-ratings/2023", headers,
      string.format('{"rating":"%s"}', ratings[n % 4 + 1]))
  elseif command == "enrolment" then
    return wrk.format("POST", "/api/v1/selections/" .. selection .. "/candidates", headers, string.format('{"employeeIds":["%s"]}', id))
  end
  error("unknown BENCH_COMMAND " .. tostring(command))
end
