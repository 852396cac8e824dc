// activities/row_checker.cpp — see row_checker.h: the heading row → columns (file_columns.h),
// each row's cells → an Activity through the shared spreadsheet layer (sheets/: cell text,
// dates, counts, units for the row's date) and the reference lists (cell_codes.h), then
// validation, and the rows that pass kept in PendingRows.
//
// Speed (bench/import_bench.cpp): the per-row path allocates nothing once warmed up — columns
// are decided once from the headings, one Activity is reused for every row, caches are looked
// up by string_view, a row's stored texts are encoded into reused buffers and copied once into
// PendingRows.
#include "activities/row_checker.h"

#include <algorithm>
#include <charconv>

#include "activities/activity.h"
#include "activities/cell_codes.h"
#include "activities/file_columns.h"
#include "activities/pending_rows.h"
#include "activities/repository.h"
#include "activities/validate.h"
#include "common/error.h"
#include "common/trim.h"
#include "sheets/units.h"
#include "sheets/values.h"
#include "tabular/rows.h"

namespace caunoi::activities {

class RowChecker::Impl {
 public:
  Impl(store::Connection& c, const Reference& ref, const places::Gazetteer& g,
       const ImportOptions& opt, ImportReport& rep, std::mutex* db_mutex)
      : c_(c),
        ref_(ref),
        opt_(opt),
        rep_(rep),
        db_mutex_(db_mutex),
        headings_(sheets::Headings::standard()),
        keys_(heading_map(*headings_, ref)),
        codes_(ref),
        units_(g, sheets::CodeRule::by_date) {}

  // The heading row; false when it is unusable (errors recorded).
  bool header(long row, tabular::Cells cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      std::string_view h = trim(cells[i]);
      std::string field;
      if (!h.empty()) {
        const std::string& known = keys_.field(h);
        if (known.empty()) {
          error(row, std::string(h),
                "Không nhận ra tên cột \"" + std::string(h) +
                    "\". Xem các tên cột được chấp nhận trong tệp mẫu hoặc tài liệu.");
        } else {
          field = known;
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
        error(row, "", "Thiếu cột bắt buộc \"" + written_heading(*headings_, required) + "\".");
      }
    }
    date_to_col_ = column_of("date_to");
    return rep_.error_count == 0;
  }

  void row(long row, tabular::Cells cells) {
    if (sheets::blank_row(cells)) return;
    ++rep_.rows_done;
    Activity& a = a_;
    clear_row(a);
    errs_.clear();
    // A text our CSV export marked with an apostrophe reads back as stored (sheets::cell_text):
    // otherwise "'=REF-1" would be a new reference and the re-import a new row.
    auto cell = [&](size_t i) {
      return i < cells.size() ? sheets::cell_text(cells[i]) : std::string_view();
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
          auto d = sheets::read_date(v);
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
          const std::string& code = codes_.kind_or_channel(is_kind, v);
          if (code.empty()) {
            errs_.emplace_back(col.field,
                               (is_kind ? "Loại hoạt động" : std::string("Kênh")) +
                                   " không có trong danh mục: " +
                                   codes_.quoted_with_hint(is_kind ? "kind" : "channel", v) + ".");
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
          const auto& [codes, refusal] = codes_.list(which, v);
          *lists[which] = codes;
          if (!refusal.empty()) errs_.emplace_back(col.field, refusal);
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
          if (auto n = sheets::read_count(v)) {
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
        const sheets::ResolvedUnit& r = units_.resolve(place_text, a.date_from);
        a.place = r.id;
        place = unit = r.unit;
        if (!r.error.empty()) errs_.emplace_back("place", r.error);
        if (unit_text.empty()) {
          a.reporting_unit = r.province;
          unit = r.province_unit;
        }
      }
      if (!unit_text.empty()) {
        const sheets::ResolvedUnit& r = units_.resolve(unit_text, a.date_from);
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
  std::shared_ptr<const sheets::Headings> headings_;
  sheets::HeadingMap keys_;
  CellCodes codes_;
  sheets::UnitCells units_;
  PendingRows pending_;
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

}  // namespace caunoi::activities
