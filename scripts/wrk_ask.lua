-- scripts/wrk_ask.lua — wrk script for scripts/wrk_ask.sh: POST /api/v1/qa/ask with four citizen
-- questions in turn (with and without diacritics), as a chat channel would send them.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local qs = {
  '{"question":"dong bhyt ho gia dinh bao nhieu"}',
  '{"question":"Mức đóng BHXH tự nguyện thấp nhất là bao nhiêu?"}',
  '{"question":"lam lai the bhyt bi mat o dau"}',
  '{"question":"hưởng bhxh một lần cần giấy tờ gì"}',
}
local i = 0
request = function()
  i = i + 1
  return wrk.format(nil, "/api/v1/qa/ask", nil, qs[(i % #qs) + 1])
end
