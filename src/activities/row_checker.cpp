// activities/row_checker.cpp — see row_checker.h: headings → fields, cells → codes and unit ids
// (cached per distinct text: a 1,000,000-row file names a few thousand units), then validation,
// and the rows that pass kept in PendingRows.
//
// Speed (bench/import_bench.cpp): the per-row path allocates nothing once warmed up — columns
// are decided once from the headings, one Activity is reused for every row, caches are looked
// up by string_view, a row's stored texts are encoded into reused buffers and copied once into
// PendingRows.
#include "activities/row_checker.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>
#include <unordered_map>

#include "activities/activity.h"
#include "activities/pending_rows.h"
#include "activities/repository.h"
#include "activities/validate.h"
#include "common/error.h"
#include "places/stripped_zeros.h"
#include "tabular/csv_writer.h"
#include "tabular/rows.h"
#include "text/fold.h"

namespace caunoi::activities {

namespace {

// A heading reduced to what matters: folded, punctuation dropped ("Số tin, bài (*)" → "so tin
// bai").
std::string heading_key(std::string_view s) {
  std::string f = text::fold(s), out;
  for (char ch : f) {
    bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
    if (keep) {
      out += ch;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct FieldAlias {
  const char* field;
  const char* canonical;  // the heading written in templates and exports
  std::vector<const char*> aliases;
};

const std::vector<FieldAlias>& field_aliases() {
  static const std::vector<FieldAlias> k = {
      {"external_ref", "Mã tham chiếu", {"ma", "ma hoat dong", "so hieu", "ref", "external_ref"}},
      {"date_from",
       "Ngày",
       {"tu ngay", "ngay bat dau", "ngay thuc hien", "ngay to chuc", "thoi gian", "date",
        "date_from"}},
      {"date_to", "Đến ngày", {"ngay ket thuc", "date_to"}},
      {"reporting_unit",
       "Đơn vị báo cáo",
       {"don vi thuc hien", "co quan bao cao", "reporting_unit"}},
      {"place",
       "Đơn vị",
       {"dia ban", "dia diem", "noi to chuc", "ma don vi", "don vi hanh chinh", "place", "unit"}},
      {"kind", "Loại hoạt động", {"loai", "hinh thuc", "hinh thuc truyen thong", "kind"}},
      {"channel", "Kênh", {"kenh truyen thong", "phuong tien", "channel"}},
      {"groups", "Đối tượng", {"nhom doi tuong", "doi tuong truyen thong", "groups"}},
      {"topics", "Chủ đề", {"noi dung", "noi dung truyen thong", "topics"}},
      {"languages", "Ngôn ngữ", {"tieng", "languages"}},
      {"partners", "Đơn vị phối hợp", {"phoi hop", "partners"}},
      {"title", "Tên hoạt động", {"tieu de", "ten", "title"}},
      {"note", "Ghi chú", {"note"}},
      // Written by exports beside the unit id for people to read; ignored on import.
      {"place_name", "Tên đơn vị", {"ten dia ban", "place_name"}},
  };
  return k;
}

// Other ways staff head figure columns (besides the label and the code).
const std::vector<std::pair<const char*, const char*>>& figure_aliases() {
  static const std::vector<std::pair<const char*, const char*>> k = {
      {"so hoi nghi", "events"},
      {"so cuoc to chuc", "events"},
      {"so nguoi tham du", "attendees"},
      {"so luot nguoi tham du", "attendees"},
      {"luot nguoi tham du", "attendees"},
      {"so nguoi duoc truyen thong", "attendees"},
      {"so nguoi duoc tuyen truyen", "people_reached"},
      {"so nguoi duoc van dong", "people_reached"},
      {"so cau hoi", "questions"},
      {"so luot phat", "broadcasts"},
      {"so tin bai", "items"},
      {"so tin bai phong su", "items"},
      {"so an pham", "items"},
      {"so bai dang", "posts"},
      {"so bai dang tai", "posts"},
      {"luot xem", "views"},
      {"luot chia se", "shares"},
      {"so luong ban", "copies"},
      {"so bai thi", "entries"},
  };
  return k;
}

// Short names of kinds and channels as reports write them.
const std::vector<std::tuple<const char*, const char*, const char*>>& value_aliases() {
  static const std::vector<std::tuple<const char*, const char*, const char*>> k = {
      {"kind", "hoi nghi", "conference"},
      {"kind", "khach hang", "customer_conference"},
      {"kind", "tu van", "consultation"},
      {"kind", "nhom nho", "small_group"},
      {"kind", "ra quan", "campaign_launch"},
      {"kind", "toa dam", "online_forum"},
      {"kind", "loa truyen thanh", "loudspeaker"},
      {"kind", "phat thanh loa", "loudspeaker"},
      {"kind", "tin bai", "press_item"},
      {"kind", "bao chi", "press_item"},
      {"kind", "dang tai", "online_post"},
      {"kind", "mang xa hoi", "online_post"},
      {"kind", "an pham", "printed"},
      {"kind", "to roi", "printed"},
      {"kind", "tong dai", "hotline"},
      {"channel", "cong ttdt", "portal"},
      {"channel", "cong thong tin", "portal"},
      {"channel", "website", "portal"},
      {"channel", "fanpage", "facebook"},
      {"channel", "zalo oa", "zalo"},
      {"channel", "dai phat thanh", "radio"},
      {"channel", "dai truyen hinh", "tv"},
  };
  return k;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  // Non-breaking spaces pasted from Word or the web.
  while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
  while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
  return s;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, ISO, or an Excel serial in an unformatted cell.
std::optional<Date> parse_date_cell(std::string_view s) {
  if (auto d = Date::parse(s)) return d;
  if (all_digits(s) && s.size() == 5) {
    int serial = 0;
    std::from_chars(s.data(), s.data() + s.size(), serial);
    if (serial > 0) {
      long days = serial <= 60 ? serial + 1 : serial;
      return Date{1899, 12, 30}.add_days(days);
    }
  }
  int parts[3] = {0, 0, 0};
  size_t lens[3] = {0, 0, 0};
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (n > 2 || lens[n] >= 4) return std::nullopt;
      parts[n] = parts[n] * 10 + (c - '0');
      ++lens[n];
    } else if ((c == '/' || c == '-' || c == '.') && n < 2 && lens[n] > 0) {
      ++n;
    } else {
      return std::nullopt;
    }
  }
  if (n != 2 || lens[2] == 0) return std::nullopt;
  int y, m, d;
  if (lens[0] == 4) {
    y = parts[0], m = parts[1], d = parts[2];
  } else if (lens[2] == 4) {
    d = parts[0], m = parts[1], y = parts[2];
  } else {
    return std::nullopt;
  }
  if (!Date::valid(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

// Counts as staff write them: "1200", "1.200" or "1,200" (thousands grouped), "1200.0" or
// "1.2E+3" from a spreadsheet. Anything with a real fraction is refused.
std::optional<int64_t> parse_count(std::string_view s) {
  std::string digits;
  bool neg = false;
  if (!s.empty() && s.front() == '-') {
    neg = true;
    s.remove_prefix(1);
  }
  auto grouped = [&](char sep) {
    // 1-3 digits, then groups of exactly three after each separator.
    size_t first = s.find(sep);
    if (first == std::string_view::npos || first == 0 || first > 3) return false;
    for (size_t i = 0; i < s.size(); ++i) {
      bool at_sep = i >= first && (i - first) % 4 == 0;
      if (at_sep ? s[i] != sep : !(s[i] >= '0' && s[i] <= '9')) return false;
    }
    return (s.size() - first) % 4 == 0;
  };
  if (all_digits(s)) {
    digits = s;
  } else if (grouped('.') || grouped(',')) {
    for (char c : s)
      if (c != '.' && c != ',') digits += c;
  } else {
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v) || v != std::floor(v) ||
        std::fabs(v) > 9e15)
      return std::nullopt;
    return static_cast<int64_t>(neg ? -v : v);
  }
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  int64_t v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return neg ? -v : v;
}

// Maps keyed by text that answer a lookup by string_view without building a string: the caches
// below are asked once per cell of a million-row file.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using TextMap = std::unordered_map<std::string, V, TextHash, std::equal_to<>>;

template <class V, class Make>
const V& cached(TextMap<V>& m, std::string_view key, Make&& make) {
  auto it = m.find(key);
  if (it == m.end()) it = m.emplace(std::string(key), make()).first;
  return it->second;
}

// What a column fills, decided once from its heading.
enum class Field : uint8_t {
  none,  // unknown heading (already reported) or a column that is read but not imported
  external_ref,
  date_from,
  date_to,
  reporting_unit,
  place,
  kind,
  channel,
  groups,
  topics,
  languages,
  partners,
  title,
  note,
  figure,
};

Field field_of(std::string_view f) {
  // The field names, in the order of the enumerators.
  static constexpr std::string_view kNames[] = {
      "",        "external_ref", "date_from", "date_to",   "reporting_unit", "place", "kind",
      "channel", "groups",       "topics",    "languages", "partners",       "title", "note"};
  if (f.starts_with("figures.")) return Field::figure;
  for (size_t i = 1; i < std::size(kNames); ++i)
    if (kNames[i] == f) return static_cast<Field>(i);
  return Field::none;  // "place_name": written by exports for people, ignored here
}

struct Column {
  std::string field;  // "date_from", "figures.attendees", ... ("" for an unknown heading)
  std::string heading;
  Field kind = Field::none;
  std::string figure;  // the figure code of a figure column
};

// A unit as a row names it, resolved once per distinct text and era.
struct ResolvedUnit {
  std::string id;     // "" when not found
  std::string error;  // Vietnamese, when not found
  const places::Unit* unit = nullptr;
  std::string province;  // the reporting unit of a row that names none: the place's province
  const places::Unit* province_unit = nullptr;
};

// Resolves what users write for units, with a cache per (text, era).
class UnitResolver {
 public:
  explicit UnitResolver(const places::Gazetteer& g) : g_(g) {}

  const ResolvedUnit& resolve(std::string_view text, Date at) {
    bool old = at < places::kReformDate;
    return cached(cache_[old], text, [&] {
      ResolvedUnit r;
      std::tie(r.id, r.error) = compute(text, at, old);
      if (!r.id.empty()) {
        r.unit = g_.find(r.id);
        const places::Unit* u = r.unit;
        while (u && u->level > places::Level::province) u = g_.find(u->parent_id);
        r.province = u ? u->id : r.id;
        r.province_unit = u ? u : r.unit;
      }
      return r;
    });
  }

 private:
  // A code Excel stored as a number (see places/stripped_zeros.h), on the row's date.
  std::pair<std::string, std::string> zeros_dropped(std::string_view text, Date at) {
    auto z = places::stripped_zeros(
        text, [&](const std::string& code) { return g_.resolve_code(code, at); });
    if (z.taken) return {z.taken->id, ""};
    return {"", "Không có đơn vị hành chính mã \"" + std::string(text) + "\" vào ngày " + at.vi() +
                    "." + places::stripped_zeros_hint(z.candidates)};
  }

  std::pair<std::string, std::string> compute(std::string_view text, Date at, bool old) {
    // Bare codes first: they repeat across eras ("15" is Yên Bái before the reform and Lào Cai
    // after), so the row's date decides.
    if (all_digits(text)) {
      if (const places::Unit* u = g_.resolve_code(text, at)) return {u->id, ""};
      return zeros_dropped(text, at);
    }
    if (const places::Unit* u = g_.find(text)) return {u->id, ""};  // "old:15", "VN"
    // "Tả Van, Sa Pa, Lào Cai": the first part is the unit, the others its ancestors.
    std::vector<std::string> parts;
    std::string_view rest = text;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      parts.push_back(text::fold(trim(rest.substr(0, comma))));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    places::Era era = old ? places::Era::old : places::Era::current;
    auto name_is = [&](const places::Unit& u, const std::string& f) {
      return u.folded == f || text::fold(u.full_name) == f;
    };
    std::vector<const places::Unit*> hits;
    for (const places::Unit* u : g_.search(trim(text.substr(0, text.find(','))), 400, era)) {
      if (!name_is(*u, parts[0])) continue;
      bool ancestors_match = true;
      for (size_t i = 1; i < parts.size() && ancestors_match; ++i) {
        ancestors_match = false;
        for (const places::Unit* a : g_.ancestors(u->id)) ancestors_match |= name_is(*a, parts[i]);
      }
      if (ancestors_match) hits.push_back(u);
    }
    const char* era_text = old ? " (đơn vị trước 01/07/2025)" : " (đơn vị từ 01/07/2025)";
    if (hits.empty()) {
      return {"", "Không tìm thấy đơn vị \"" + std::string(text) + "\"" + era_text + "."};
    }
    // The highest level wins when alone there ("Yên Bái" is the province, not the ward).
    std::sort(hits.begin(), hits.end(),
              [](const places::Unit* a, const places::Unit* b) { return a->level < b->level; });
    if (hits.size() == 1 || hits[0]->level != hits[1]->level) return {hits[0]->id, ""};
    std::string names;
    for (size_t i = 0; i < hits.size() && i < 4; ++i) {
      const auto anc = g_.ancestors(hits[i]->id);
      names += (i ? "; " : "") + hits[i]->full_name;
      for (const auto* a : anc)
        if (a->id != "VN") names += ", " + a->name;
      names += " (mã " + hits[i]->code + ")";
    }
    return {"", "Có nhiều đơn vị tên \"" + std::string(text) + "\": " + names +
                    ". Hãy ghi mã đơn vị hoặc thêm tên huyện/tỉnh sau dấu phẩy."};
  }

  const places::Gazetteer& g_;
  TextMap<ResolvedUnit> cache_[2];  // [current era, old era]
};

}  // namespace

class RowChecker::Impl {
 public:
  Impl(store::Connection& c, const Reference& ref, const places::Gazetteer& g,
       const ImportOptions& opt, ImportReport& rep, std::mutex* db_mutex)
      : c_(c), ref_(ref), opt_(opt), rep_(rep), db_mutex_(db_mutex), units_(g) {
    for (const auto& fa : field_aliases()) {
      keys_.emplace(heading_key(fa.canonical), fa.field);
      for (const char* a : fa.aliases) keys_.emplace(heading_key(a), fa.field);
    }
    for (const auto& f : ref.entries("figure")) {
      keys_.emplace(heading_key(f.label), "figures." + f.code);
      keys_.emplace(heading_key(f.code), "figures." + f.code);
    }
    for (const auto& [alias, code] : figure_aliases())
      keys_.emplace(alias, std::string("figures.") + code);
    for (const auto& [list, alias, code] : value_aliases()) aliases_[list].emplace(alias, code);
  }

  // The heading row; false when it is unusable (errors recorded).
  bool header(long row, tabular::Cells cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      std::string_view h = trim(cells[i]);
      std::string field;
      if (!h.empty()) {
        auto it = keys_.find(heading_key(h));
        if (it == keys_.end()) {
          error(row, std::string(h),
                "Không nhận ra tên cột \"" + std::string(h) +
                    "\". Xem các tên cột được chấp nhận trong tệp mẫu hoặc tài liệu.");
        } else {
          field = it->second;
          for (const auto& col : cols_) {
            if (col.field == field) {
              error(row, std::string(h), "Cột \"" + std::string(h) + "\" bị lặp lại.");
            }
          }
        }
      }
      Column col{field, std::string(h), field_of(field), ""};
      if (col.kind == Field::figure) col.figure = field.substr(8);
      cols_.push_back(std::move(col));
    }
    for (const char* required : {"date_from", "place", "kind"}) {
      if (column_of(required) < 0) {
        std::string name;
        for (const auto& fa : field_aliases())
          if (std::string_view(fa.field) == required) name = fa.canonical;
        error(row, "", "Thiếu cột bắt buộc \"" + name + "\".");
      }
    }
    date_to_col_ = column_of("date_to");
    return rep_.error_count == 0;
  }

  void row(long row, tabular::Cells cells) {
    bool blank =
        std::all_of(cells.begin(), cells.end(), [](std::string_view c) { return trim(c).empty(); });
    if (blank) return;
    ++rep_.rows_done;
    Activity& a = a_;
    clear_row(a);
    errs_.clear();
    // A text our CSV export marked with an apostrophe (tabular::unescape_text_cell) reads back
    // as stored: otherwise "'=REF-1" would be a new reference and the re-import a new row.
    auto cell = [&](size_t i) {
      return i < cells.size() ? tabular::unescape_text_cell(trim(cells[i])) : std::string_view();
    };
    bool have_date = false;
    std::string_view place_text, unit_text;
    for (size_t i = 0; i < cols_.size(); ++i) {
      const Column& col = cols_[i];
      std::string_view v = cell(i);
      if (col.kind == Field::none || v.empty()) continue;
      switch (col.kind) {
        case Field::date_from:
        case Field::date_to: {
          auto d = parse_date_cell(v);
          if (!d) {
            errs_.emplace_back(col.field,
                               "Ngày không hợp lệ: \"" + std::string(v) +
                                   "\". Hãy ghi theo dạng ngày/tháng/năm, ví dụ 31/10/2022.");
            break;
          }
          (col.kind == Field::date_from ? a.date_from : a.date_to) = *d;
          if (col.kind == Field::date_from) have_date = true;
          break;
        }
        case Field::place:
          place_text = v;
          break;
        case Field::reporting_unit:
          unit_text = v;
          break;
        case Field::kind:
        case Field::channel: {
          bool is_kind = col.kind == Field::kind;
          const std::string& code = lookup(is_kind, v);
          if (code.empty()) {
            errs_.emplace_back(col.field, (is_kind ? "Loại hoạt động" : std::string("Kênh")) +
                                              " không có trong danh mục: " +
                                              quoted_with_hint(is_kind ? "kind" : "channel", v) +
                                              ".");
          }
          (is_kind ? a.kind : a.channel) = code;
          break;
        }
        case Field::groups:
        case Field::topics:
        case Field::languages:
        case Field::partners: {
          // In the order of kListNames, as the enumerators are.
          size_t which = static_cast<size_t>(col.kind) - static_cast<size_t>(Field::groups);
          std::vector<std::string>* lists[] = {&a.groups, &a.topics, &a.languages, &a.partners};
          list_cell(col.field, which, v, *lists[which]);
          break;
        }
        case Field::title:
          a.title = v;
          break;
        case Field::note:
          a.note = v;
          break;
        case Field::external_ref:
          a.external_ref = v;
          break;
        case Field::figure:
          if (auto n = parse_count(v)) {
            a.figures.emplace_back(col.figure, *n);
          } else {
            errs_.emplace_back(col.field, "Không phải số nguyên: \"" + std::string(v) + "\".");
          }
          break;
        case Field::none:
          break;
      }
    }
    if (!have_date && !has_error("date_from")) errs_.emplace_back("date_from", "Chưa ghi ngày.");
    if (date_to_col_ < 0 || cell(static_cast<size_t>(date_to_col_)).empty()) {
      a.date_to = a.date_from;
    }
    const places::Unit *place = nullptr, *unit = nullptr;
    if (have_date) {
      if (place_text.empty()) {
        errs_.emplace_back("place", "Chưa ghi đơn vị (địa bàn).");
      } else {
        const ResolvedUnit& r = units_.resolve(place_text, a.date_from);
        a.place = r.id;
        place = unit = r.unit;
        if (!r.error.empty()) errs_.emplace_back("place", r.error);
        if (unit_text.empty()) {
          a.reporting_unit = r.province;
          unit = r.province_unit;
        }
      }
      if (!unit_text.empty()) {
        const ResolvedUnit& r = units_.resolve(unit_text, a.date_from);
        a.reporting_unit = r.id;
        unit = r.unit;
        if (!r.error.empty()) errs_.emplace_back("reporting_unit", r.error);
      }
    }
    if (a.kind.empty() && !has_error("kind")) {
      errs_.emplace_back("kind", "Chưa ghi loại hoạt động.");
    }
    normalize(a);
    if (have_date) {
      for (auto& fe : validate(a, ref_, place, unit, opt_.today)) {
        std::string_view base = std::string_view(fe.field).substr(0, fe.field.find('.'));
        if (!has_error(fe.field) && !has_error(base)) {
          errs_.emplace_back(std::move(fe.field), std::move(fe.message));
        }
      }
    }
    if (opt_.row_check && have_date && !a.place.empty() && !has_error("place") &&
        !has_error("date_from")) {
      auto lock = db_lock();
      if (auto refusal = opt_.row_check(c_, a)) {
        errs_.emplace_back(std::move(refusal->field), std::move(refusal->message));
      }
    }
    for (const auto& [field, msg] : errs_) error(row, heading_for(field), msg);
    if (rep_.error_count > 0) return;  // keep checking, stop keeping: nothing will be written
    if (is_own_record(a.external_ref)) {
      ++rep_.skipped;  // an exported form entry coming back: it is already here
      return;
    }
    if (!pending_.add(texts(a), a.date_from.days(), row)) ++rep_.skipped;  // a repeated reference
  }

  PendingRows& pending() { return pending_; }

  void error(long row, std::string column, std::string message) {
    ++rep_.error_count;
    if (rep_.errors.size() < opt_.max_errors) {
      rep_.errors.push_back({row, std::move(column), std::move(message)});
    }
  }

 private:
  // Empties the row buffer for the next row, keeping its strings' storage.
  static void clear_row(Activity& a) {
    a.id = 0;
    a.reporting_unit.clear();
    a.place.clear();
    a.date_from = a.date_to = Date{};
    a.kind.clear();
    a.channel.clear();
    a.groups.clear();
    a.topics.clear();
    a.languages.clear();
    a.partners.clear();
    a.figures.clear();
    a.title.clear();
    a.note.clear();
    a.external_ref.clear();
    a.version = 1;
  }

  bool has_error(std::string_view field) const {
    return std::any_of(errs_.begin(), errs_.end(), [&](const auto& e) { return e.first == field; });
  }

  int column_of(std::string_view field) const {
    for (size_t i = 0; i < cols_.size(); ++i)
      if (cols_[i].field == field) return static_cast<int>(i);
    return -1;
  }

  // The heading an error is reported under: the column the field came from, or the closest one.
  std::string heading_for(const std::string& field) const {
    if (int i = column_of(field); i >= 0) return cols_[static_cast<size_t>(i)].heading;
    if (field == "reporting_unit") return heading_for("place");
    if (field == "date_to") return heading_for("date_from");
    if (field == "figures" || field == "channel") return heading_for("kind");
    return "";
  }

  // `"v"`, followed by the entries it probably meant: staff write "người dân tộc thiểu số" for
  // "Đồng bào dân tộc thiểu số" and should not have to open the Danh mục page to find out.
  std::string quoted_with_hint(std::string_view list, std::string_view v) const {
    std::string out = "\"" + std::string(trim(v)) + "\"";
    auto near = ref_.suggest(list, v);
    for (size_t i = 0; i < near.size(); ++i) {
      out += (i == 0 ? " (có phải \"" : "\" hoặc \"") + near[i]->label;
    }
    if (!near.empty()) out += "\"?)";
    return out;
  }

  // A kind or channel as written → its code ("" if unknown), cached per distinct text.
  const std::string& lookup(bool is_kind, std::string_view v) {
    static const std::string kKind = "kind", kChannel = "channel";
    const std::string& list = is_kind ? kKind : kChannel;
    return cached(value_cache_[is_kind], v, [&] {
      std::string code = ref_.lookup(list, v).value_or("");
      if (code.empty()) {
        auto& al = aliases_[list];
        if (auto m = al.find(heading_key(v)); m != al.end()) code = m->second;
      }
      return code;
    });
  }

  // A list cell ("Tiếng Mông; Dao") → codes, with an error for the parts not in the list.
  // `which` indexes kListNames.
  void list_cell(const std::string& field, size_t which, std::string_view v,
                 std::vector<std::string>& out) {
    static const std::string kListNames[] = {"group", "topic", "language", "partner"};
    const std::string& list = kListNames[which];
    const auto& res = cached(list_cache_[which], v, [&] {
      std::pair<std::vector<std::string>, std::string> res;
      auto take = [&](std::string_view part, bool split_commas) {
        part = trim(part);
        if (part.empty()) return true;
        if (auto code = ref_.lookup(list, part)) {
          res.first.push_back(*code);
          return true;
        }
        if (!split_commas) return false;
        bool ok = true;
        std::string_view rest = part;
        while (!rest.empty()) {
          size_t comma = rest.find(',');
          std::string_view p = trim(rest.substr(0, comma));
          if (!p.empty()) {
            if (auto code = ref_.lookup(list, p)) {
              res.first.push_back(*code);
            } else {
              ok = false;
              res.second += (res.second.empty() ? "" : ", ") + quoted_with_hint(list, p);
            }
          }
          if (comma == std::string_view::npos) break;
          rest.remove_prefix(comma + 1);
        }
        return ok;
      };
      std::string_view rest = v;
      while (!rest.empty()) {
        size_t sep = rest.find_first_of(";\n");
        take(rest.substr(0, sep), true);
        if (sep == std::string_view::npos) break;
        rest.remove_prefix(sep + 1);
      }
      if (!res.second.empty()) res.second = "Không có trong danh mục: " + res.second + ".";
      return res;
    });
    out = res.first;
    if (!res.second.empty()) errs_.emplace_back(field, res.second);
  }

  // "caunoi:<id>" is how exports name a record entered by form (it has no external reference).
  bool is_own_record(const std::string& ref) {
    if (!ref.starts_with("caunoi:")) return false;
    int64_t id = 0;
    auto [p, ec] = std::from_chars(ref.data() + 7, ref.data() + ref.size(), id);
    if (ec != std::errc() || p != ref.data() + ref.size()) return false;
    auto lock = db_lock();
    return repo::get(c_, id).has_value();
  }

  // The row as stored, in buffers reused from row to row (PendingRows copies it).
  repo::RowTexts texts(const Activity& a) {
    for (auto& b : enc_) b.clear();
    append_iso(enc_[0], a.date_from);
    append_iso(enc_[1], a.date_to);
    append_codes(enc_[2], a.groups);
    append_codes(enc_[3], a.topics);
    append_codes(enc_[4], a.languages);
    append_codes(enc_[5], a.partners);
    append_figures(enc_[6], a.figures);
    return {a.reporting_unit, a.place, enc_[0], enc_[1], a.kind,  a.channel, enc_[2],
            enc_[3],          enc_[4], enc_[5], enc_[6], a.title, a.note,    a.external_ref};
  }

  // The connection is shared by the checkers of one import: whoever reads it holds this.
  std::unique_lock<std::mutex> db_lock() {
    return db_mutex_ ? std::unique_lock<std::mutex>(*db_mutex_) : std::unique_lock<std::mutex>();
  }

  store::Connection& c_;
  const Reference& ref_;
  const ImportOptions& opt_;
  ImportReport& rep_;
  std::mutex* db_mutex_;
  UnitResolver units_;
  PendingRows pending_;
  std::unordered_map<std::string, std::string> keys_;
  std::unordered_map<std::string, std::unordered_map<std::string, std::string>> aliases_;
  TextMap<std::string> value_cache_[2];                                      // [channel, kind]
  TextMap<std::pair<std::vector<std::string>, std::string>> list_cache_[4];  // as kListNames
  std::vector<Column> cols_;
  int date_to_col_ = -1;
  Activity a_;                                             // the row being read, reused
  std::vector<std::pair<std::string, std::string>> errs_;  // its problems: field → message
  std::string enc_[7];                                     // its encoded dates, lists, figures
};

RowChecker::RowChecker(store::Connection& c, const Reference& ref, const places::Gazetteer& g,
                       const ImportOptions& opt, ImportReport& rep, std::mutex* db_mutex)
    : impl_(std::make_unique<Impl>(c, ref, g, opt, rep, db_mutex)) {}
RowChecker::~RowChecker() = default;
bool RowChecker::header(long row, tabular::Cells cells) {
  return impl_->header(row, cells);
}
void RowChecker::row(long row, tabular::Cells cells) {
  impl_->row(row, cells);
}
PendingRows& RowChecker::pending() {
  return impl_->pending();
}

std::string_view trim_cell(std::string_view s) {
  return trim(s);
}

std::vector<ColumnSpec> columns(const Reference& ref) {
  std::vector<ColumnSpec> out;
  for (const auto& fa : field_aliases()) out.push_back({fa.canonical, fa.field});
  for (const auto& f : ref.entries("figure")) out.push_back({f.label, "figures." + f.code});
  return out;
}

}  // namespace caunoi::activities
