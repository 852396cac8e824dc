// tests/activities/api_test.cpp — the activity routes through the router, as the web app calls
// them (auth is the auth part's concern and is off here): CRUD with field errors, list filters,
// reference lists, exports that import back, templates, a multipart import polled to the end, and
// one import at a time per account.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "api/router.h"
#include "app/runtime.h"
#include "foundation/test_db.h"
#include "gate.h"
#include "tabular/rows.h"
#include "tabular/xlsx_reader.h"
#include "zip_entry.h"

using namespace caunoi;
namespace json = boost::json;

class ActivitiesApi : public ::testing::Test {
 protected:
  void SetUp() override {
    app::RuntimeOptions opt;
    opt.enforce_auth = false;
    rt_ = std::make_unique<app::Runtime>(db_.path, testutil::test_paths(), 2, opt);
  }
  api::Response call(const std::string& method, const std::string& path,
                     std::map<std::string, std::string> query = {}, std::string body = "",
                     std::string content_type = "application/json",
                     const std::string& user = "tester") {
    api::Request r;
    r.method = method;
    r.path = path;
    r.query = std::move(query);
    r.body = std::move(body);
    r.headers["content-type"] = content_type;
    r.headers["x-user"] = user;
    return rt_->router().dispatch(r);
  }
  json::value body(const api::Response& r) { return json::parse(r.body); }
  // Polls a started import (202) until it is neither queued nor running, for at most 10 s.
  json::value finished_job(const api::Response& started) {
    std::string path = "/api/v1/imports/" + std::to_string(body(started).at("id").as_int64());
    json::value job;
    for (int i = 0; i < 200; ++i) {
      job = body(call("GET", path));
      if (job.at("state").as_string() != "running" && job.at("state").as_string() != "queued")
        break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return job;
  }

  testutil::TempDb db_;
  std::unique_ptr<app::Runtime> rt_;
};

namespace {
using testutil::zip_entry;

const char* kConference = R"({"place": "old:04270", "reporting_unit": "old:15",
  "date": "15/03/2022", "kind": "conference", "groups": ["farm_households"],
  "languages": ["vi", "hmong"], "figures": {"events": 1, "attendees": 85}})";
}  // namespace

TEST_F(ActivitiesApi, CreateReadUpdateDeleteWithHistory) {
  auto created = call("POST", "/api/v1/activities", {}, kConference);
  ASSERT_EQ(created.status, 201) << created.body;
  auto a = body(created).as_object();
  std::string id = std::to_string(a["id"].as_int64());
  EXPECT_EQ(a["created_by"].as_string(), "tester");
  EXPECT_EQ(a["kind_label"].as_string(), "Hội nghị truyền thông");

  auto got = call("GET", "/api/v1/activities/" + id);
  EXPECT_EQ(body(got).at("figures").at("attendees").as_int64(), 85);

  std::string changed = kConference;
  changed.replace(changed.find("85"), 2, "90");
  auto put = call("PUT", "/api/v1/activities/" + id, {}, changed);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(body(put).at("version").as_int64(), 2);

  EXPECT_EQ(call("DELETE", "/api/v1/activities/" + id).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/activities/" + id).status, 404);
  auto hist = body(call("GET", "/api/v1/activities/" + id + "/history")).at("items").as_array();
  EXPECT_EQ(hist.size(), 2u);
}

TEST_F(ActivitiesApi, FieldErrorsInVietnamese) {
  std::string bad = kConference;
  bad.replace(bad.find("\"attendees\": 85"), 15, "\"broadcasts\": -2");
  auto r = call("POST", "/api/v1/activities", {}, bad);
  ASSERT_EQ(r.status, 400);
  auto fields = body(r).at("error").at("fields").as_array();
  bool fit = false, negative = false;
  for (const auto& f : fields) {
    std::string msg(f.at("message").as_string());
    if (f.at("field").as_string() == "figures.broadcasts") {
      fit |= msg.find("không áp dụng") != std::string::npos;
      negative |= msg.find("số âm") != std::string::npos;
    }
  }
  EXPECT_TRUE(fit);
  EXPECT_TRUE(negative);
  EXPECT_EQ(call("POST", "/api/v1/activities", {}, "{\"figures\": 3}").status, 400);
}

TEST_F(ActivitiesApi, ListFiltersAndPaging) {
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(call("POST", "/api/v1/activities", {}, kConference).status, 201);
  auto all = body(call("GET", "/api/v1/activities", {{"unit", "15"}, {"limit", "2"}}));
  EXPECT_EQ(all.at("total").as_int64(), 3);
  EXPECT_EQ(all.at("items").as_array().size(), 2u);
  auto none = body(call("GET", "/api/v1/activities", {{"period", "2023"}}));
  EXPECT_EQ(none.at("total").as_int64(), 0);
  auto lang =
      body(call("GET", "/api/v1/activities", {{"language", "hmong"}, {"kind", "conference"}}));
  EXPECT_EQ(lang.at("total").as_int64(), 3);
  EXPECT_EQ(call("GET", "/api/v1/activities", {{"kind", "nope"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/activities", {{"unit", "nowhere"}}).status, 404);
}

TEST_F(ActivitiesApi, ReferenceListsKindsWithTheirFigures) {
  auto ref = body(call("GET", "/api/v1/reference")).as_object();
  bool loudspeaker = false;
  for (const auto& k : ref.at("kinds").as_array()) {
    if (k.at("code").as_string() == "loudspeaker") {
      loudspeaker = true;
      EXPECT_EQ(k.at("figures").as_array().at(0).as_string(), "broadcasts");
    }
  }
  EXPECT_TRUE(loudspeaker);
  EXPECT_GE(ref.at("languages").as_array().size(), 10u);
  auto added = call("POST", "/api/v1/reference/partner", {},
                    R"({"code": "red_cross", "label": "Hội Chữ thập đỏ"})");
  EXPECT_EQ(added.status, 201) << added.body;
}

TEST_F(ActivitiesApi, ExportsImportBackAsNothingNew) {
  ASSERT_EQ(call("POST", "/api/v1/activities", {}, kConference).status, 201);
  for (const char* fmt : {"csv", "xlsx"}) {
    auto ex = call("GET", "/api/v1/activities/export", {{"format", fmt}});
    ASSERT_EQ(ex.status, 200) << ex.body;
    int rows = 0;
    tabular::read_any(ex.body, std::string("x.") + fmt, [&](long, tabular::Cells) {
      ++rows;
      return true;
    });
    EXPECT_EQ(rows, 2) << fmt;  // heading + one activity
    auto started = call("POST", "/api/v1/imports", {{"filename", std::string("x.") + fmt}}, ex.body,
                        "application/octet-stream");
    ASSERT_EQ(started.status, 202) << started.body;
    json::value job = finished_job(started);
    EXPECT_EQ(job.at("state").as_string(), "done") << json::serialize(job);
    EXPECT_EQ(job.at("inserted").as_int64(), 0) << fmt;
    EXPECT_EQ(job.at("skipped").as_int64(), 1) << fmt;
  }
}

TEST_F(ActivitiesApi, MultipartImportReportsBadRowsAndWritesNothing) {
  std::string csv =
      "Ngày,Đơn vị,Loại hoạt động,Số cuộc\n15/03/2022,old:15,conference,1\n"
      "32/03/2022,old:15,conference,1\n";
  std::string b = "----caunoi";
  std::string multipart =
      "--" + b + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nx\r\n--" + b +
      "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\n" +
      csv + "\r\n--" + b + "--\r\n";
  auto started =
      call("POST", "/api/v1/imports", {}, multipart, "multipart/form-data; boundary=" + b);
  ASSERT_EQ(started.status, 202) << started.body;
  json::value job = finished_job(started);
  EXPECT_EQ(job.at("state").as_string(), "failed");
  auto errors = job.at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].at("row").as_int64(), 3);
  EXPECT_EQ(errors[0].at("column").as_string(), "Ngày");
  EXPECT_EQ(body(call("GET", "/api/v1/activities")).at("total").as_int64(), 0);
  EXPECT_EQ(call("GET", "/api/v1/imports/999").status, 404);
}

TEST_F(ActivitiesApi, TemplatePerKindIsAWorkbookWithItsFigures) {
  auto t = call("GET", "/api/v1/activities/template", {{"kind", "loudspeaker"}});
  ASSERT_EQ(t.status, 200);
  std::vector<std::string> heads;
  tabular::read_xlsx(t.body, [&](long, tabular::Cells c) {
    heads.assign(c.begin(), c.end());
    return false;
  });
  EXPECT_NE(std::find(heads.begin(), heads.end(), "Số lượt phát thanh"), heads.end());
  EXPECT_EQ(std::find(heads.begin(), heads.end(), "Số lượt người tham dự"), heads.end());
  auto names = tabular::xlsx_sheet_names(t.body);
  EXPECT_EQ(names.size(), 3u);
  // Columns A–E (reference, dates, units) are formatted as text, so that Excel keeps what staff
  // type: "04270" with its zero, "05/03/2022" as written.
  std::string sheet = zip_entry(t.body, "xl/worksheets/sheet1.xml");
  auto col = sheet.find("<col min=\"1\" max=\"5\"");
  ASSERT_NE(col, std::string::npos) << sheet.substr(0, 600);
  auto style_at = sheet.find("style=\"", col);
  ASSERT_LT(style_at, sheet.find("/>", col));
  int xf = std::stoi(sheet.substr(style_at + 7));
  std::string styles = zip_entry(t.body, "xl/styles.xml");
  std::string xfs = styles.substr(styles.find("<cellXfs"));
  size_t at = 0;
  for (int i = 0; i <= xf; ++i) at = xfs.find("<xf ", at + 1);
  std::string xf_tag = xfs.substr(at, xfs.find('>', at) - at);
  auto fmt_at = xf_tag.find("numFmtId=\"");
  ASSERT_NE(fmt_at, std::string::npos) << xf_tag;
  std::string fmt = xf_tag.substr(fmt_at + 10, xf_tag.find('"', fmt_at + 10) - fmt_at - 10);
  // 49 is Excel's own "@"; a writer may declare it as a custom format instead.
  EXPECT_TRUE(fmt == "49" ||
              styles.find("<numFmt numFmtId=\"" + fmt + "\" formatCode=\"@\"") != std::string::npos)
      << xf_tag << "\n"
      << styles.substr(0, 400);
  EXPECT_NE(sheet.find("<col min=\"6\""), std::string::npos)
      << "the other columns keep their width";
  EXPECT_EQ(call("GET", "/api/v1/activities/template", {{"kind", "nope"}}).status, 404);
}

TEST_F(ActivitiesApi, OneImportAtATimePerAccountOthersQueue) {
  testutil::Gate gate;
  activities::ImportOptions held;
  held.filename = "t.csv";
  held.owner = "tester";
  held.row_check = gate.row_check();
  rt_->activities().start_import(
      rt_->pool(), "Ngày,Đơn vị,Loại hoạt động,Số cuộc\n15/03/2022,old:15,conference,1\n",
      std::move(held));
  testutil::Gate::OpenOnExit let_go{gate};
  ASSERT_TRUE(gate.wait_inside(1));
  const std::string csv = "Ngày,Đơn vị,Loại hoạt động,Số cuộc\n16/03/2022,old:15,conference,1\n";
  auto busy = call("POST", "/api/v1/imports", {{"filename", "t.csv"}}, csv, "text/csv");
  EXPECT_EQ(busy.status, 409) << busy.body;
  EXPECT_EQ(body(busy).at("error").at("code").as_string(), "import_busy") << busy.body;
  auto other = call("POST", "/api/v1/imports", {{"filename", "t.csv"}}, csv, "text/csv", "cb.xa");
  ASSERT_EQ(other.status, 202) << other.body;
  auto id = body(other).at("id").as_int64();
  EXPECT_EQ(body(call("GET", "/api/v1/imports/" + std::to_string(id))).at("state").as_string(),
            "queued");
  gate.open();
  EXPECT_EQ(finished_job(other).at("state").as_string(), "done");
}
