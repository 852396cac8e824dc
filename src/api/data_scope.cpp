// api/data_scope.cpp — see data_scope.h.
#include "api/data_scope.h"

#include "analytics/snapshot.h"

namespace caunoi::api {

EngineView engine_view(const Request& q, const Context& ctx) {
  std::string d = q.param("data", "all");
  if (d != "all" && d != "approved")
    throw invalid("bad_data",
                  "Tham số data chỉ nhận \"all\" (mọi số liệu) hoặc \"approved\" "
                  "(chỉ số liệu đã phê duyệt).",
                  {{"data", "Giá trị không hợp lệ", 0}});
  EngineView v;
  if (d == "approved" && ctx.approved_analytics) {
    v.hold = ctx.approved_analytics->get();
    v.engine = v.hold.get();
    v.approved_only = true;
  } else if (d == "approved") {
    throw Error(ErrorKind::internal, "no_approved_view",
                "Máy chủ chưa được cấu hình để lập báo cáo chỉ gồm số liệu đã phê duyệt.");
  } else {
    v.engine = ctx.analytics;
  }
  return v;
}

}  // namespace caunoi::api
