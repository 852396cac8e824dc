// activities/validate.cpp — see validate.h.
#include "activities/validate.h"

namespace caunoi::activities {

namespace {

void check_codes(const Reference& ref, const char* list, const char* field, const char* what,
                 const std::vector<std::string>& codes, std::vector<FieldError>& out) {
  for (const auto& c : codes) {
    if (!ref.has(list, c)) {
      out.push_back({field, std::string(what) + " không có trong danh mục: \"" + c + "\"."});
    }
  }
}

// "Số lễ ra quân, Số người tham gia": what a kind records, for messages.
std::string figure_labels(const Reference& ref, const std::string& kind) {
  std::string names;
  for (const auto& f : ref.figures_of(kind)) {
    names += (names.empty() ? "" : ", ") + ref.label("figure", f);
  }
  return names;
}

}  // namespace

void check_unit(const places::Gazetteer& g, const std::string& id, const Activity& a,
                const char* field, std::vector<FieldError>& out) {
  check_unit(id.empty() ? nullptr : g.find(id), id, a, field, out);
}

void check_unit(const places::Unit* u, const std::string& id, const Activity& a, const char* field,
                std::vector<FieldError>& out) {
  if (id.empty()) {
    out.push_back({field, "Chưa nhập đơn vị (địa bàn)."});
    return;
  }
  if (!u) {
    out.push_back({field, "Không có đơn vị hành chính mã \"" + id + "\"."});
    return;
  }
  if (u->id == "VN") return;
  if (u->era == places::Era::old && a.date_to >= places::kReformDate) {
    out.push_back({field, "Đơn vị \"" + u->full_name +
                              "\" là đơn vị trước sắp xếp, chỉ dùng cho ngày trước 01/07/2025."});
  } else if (u->era == places::Era::current && a.date_from < places::kReformDate) {
    out.push_back({field, "Đơn vị \"" + u->full_name +
                              "\" là đơn vị sau sắp xếp, chỉ dùng từ ngày 01/07/2025; trước đó "
                              "hãy ghi đơn vị cũ."});
  }
}

std::vector<FieldError> validate(const Activity& a, const Reference& ref,
                                 const places::Gazetteer& g, Date today) {
  auto unit = [&](const std::string& id) { return id.empty() ? nullptr : g.find(id); };
  return validate(a, ref, unit(a.place), unit(a.reporting_unit), today);
}

std::vector<FieldError> validate(const Activity& a, const Reference& ref, const places::Unit* place,
                                 const places::Unit* reporting_unit, Date today) {
  std::vector<FieldError> out;
  if (a.date_from > today) {
    out.push_back({"date_from", "Ngày không được sau hôm nay (" + today.vi() + ")."});
  }
  if (a.date_to < a.date_from) {
    out.push_back({"date_to", "Ngày kết thúc không được trước ngày bắt đầu."});
  } else if (a.date_to > today) {
    out.push_back({"date_to", "Ngày kết thúc không được sau hôm nay (" + today.vi() + ")."});
  }
  check_unit(place, a.place, a, "place", out);
  if (!a.reporting_unit.empty() && a.reporting_unit != a.place) {
    check_unit(reporting_unit, a.reporting_unit, a, "reporting_unit", out);
  }

  const RefEntry* kind = ref.find("kind", a.kind);
  if (a.kind.empty()) {
    out.push_back({"kind", "Chưa chọn loại hoạt động."});
  } else if (!kind) {
    out.push_back({"kind", "Loại hoạt động không có trong danh mục: \"" + a.kind + "\"."});
  }
  if (kind) {
    const auto& channels = ref.channels_of(a.kind);
    if (channels.empty() && !a.channel.empty()) {
      out.push_back({"channel", "Loại hoạt động \"" + kind->label + "\" không ghi kênh."});
    } else if (!channels.empty() && a.channel.empty()) {
      out.push_back({"channel", "Loại hoạt động \"" + kind->label + "\" cần ghi kênh."});
    } else if (!channels.empty() &&
               std::find(channels.begin(), channels.end(), a.channel) == channels.end()) {
      out.push_back({"channel", "Kênh \"" + ref.label("channel", a.channel) +
                                    "\" không dùng cho loại hoạt động \"" + kind->label + "\"."});
    }
  }
  check_codes(ref, "group", "groups", "Đối tượng", a.groups, out);
  check_codes(ref, "topic", "topics", "Chủ đề", a.topics, out);
  check_codes(ref, "language", "languages", "Ngôn ngữ", a.languages, out);
  check_codes(ref, "partner", "partners", "Đơn vị phối hợp", a.partners, out);

  for (const auto& figure : a.figures) {
    // Named, not structured, bindings: clang 14 (the fuzz build) cannot capture the latter.
    const auto& code = figure.first;
    const auto& value = figure.second;
    // The field name is built only for a broken rule: this loop runs for every imported row.
    auto field = [&] { return "figures." + code; };
    const RefEntry* fig = ref.find("figure", code);
    if (!fig) {
      out.push_back({field(), "Chỉ số không có trong danh mục: \"" + code + "\"."});
      continue;
    }
    if (kind && !ref.kind_takes(a.kind, code)) {
      out.push_back({field(), "Chỉ số \"" + fig->label + "\" không áp dụng cho loại hoạt động \"" +
                                  kind->label + "\" (loại này ghi: " + figure_labels(ref, a.kind) +
                                  ")."});
    }
    if (value < 0) out.push_back({field(), "\"" + fig->label + "\" không được là số âm."});
  }
  if (kind && a.figures.empty()) {
    out.push_back({"figures", "Cần ít nhất một số liệu (" + figure_labels(ref, a.kind) + ")."});
  }
  if (a.title.size() > 500) out.push_back({"title", "Tên hoạt động quá dài (tối đa 500 ký tự)."});
  if (a.note.size() > 4000) out.push_back({"note", "Ghi chú quá dài (tối đa 4.000 ký tự)."});
  if (a.external_ref.size() > 200) {
    out.push_back({"external_ref", "Mã tham chiếu quá dài (tối đa 200 ký tự)."});
  }
  return out;
}

}  // namespace caunoi::activities
