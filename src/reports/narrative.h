// reports/narrative.h — the drafted paragraph, in the style of the opening of dispatch
// 3371/BHXH-TT (07/11/2022):
//   "Đến hết tháng 10/2022, toàn quốc đã tổ chức khoảng 144.000 hội nghị truyền thông trực tiếp
//    và trực tuyến, tư vấn, đối thoại, khách hàng, truyền thông nhóm nhỏ, gấp 2,9 lần so với
//    cùng kỳ năm 2021, với khoảng 2 triệu lượt người tham dự; trên 864.200 lượt truyền thông
//    qua hệ thống loa truyền thanh cơ sở, gấp 1,6 lần so với cùng kỳ năm 2021; ..."
// followed, when participation results exist, by a sentence on BHXH, BHTN and BHYT as of the
// end of the period, against the targets. Numbers are worded by reports/wording.h; clauses
// whose figure is zero or missing are left out.
#pragma once

#include <string>

#include "analytics/engine.h"

namespace caunoi::reports {

std::string activity_sentence(const analytics::Engine& e, const places::Unit& u,
                              const periods::Period& p, bool compare);
std::string participation_sentence(const analytics::Engine& e, const places::Unit& u,
                                   const periods::Period& p, bool compare);
// Both, separated by a space; "" when there is nothing to say.
std::string narrative(const analytics::Engine& e, const places::Unit& u, const periods::Period& p,
                      bool compare);

}  // namespace caunoi::reports
