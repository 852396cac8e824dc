// plans/model.cpp — the closed list of participation measures (see model.h).
#include "plans/model.h"

namespace caunoi::plans {
namespace {

constexpr Measure kMeasures[] = {
    {"bhxh_compulsory", "Số người tham gia BHXH bắt buộc", "BHXH bắt buộc"},
    {"bhxh_voluntary", "Số người tham gia BHXH tự nguyện", "BHXH tự nguyện"},
    {"bhtn", "Số người tham gia BHTN", "BHTN"},
    {"bhyt", "Số người tham gia BHYT", "BHYT"},
    {"population", "Dân số", "Dân số"},
    {"labour_force", "Lực lượng lao động trong độ tuổi", "Lực lượng lao động"},
};

}  // namespace

std::span<const Measure> measures() {
  return kMeasures;
}

const Measure* find_measure(std::string_view code) {
  for (const auto& m : kMeasures)
    if (code == m.code) return &m;
  return nullptr;
}

}  // namespace caunoi::plans
