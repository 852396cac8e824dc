// tests/auth/audit_test.cpp — the audit log holds who, from where, before and after; it cannot be
// rewritten; administrators read and export it, nobody else does.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "activities/service.h"
#include "audit/log.h"
#include "auth/auth_world.h"
#include "auth/crypto.h"

using namespace caunoi;
using testutil::AuthWorld;
using testutil::Caller;

namespace {

// An activity of the world's commune as the form sends it, with `attendees` people.
std::string conference(AuthWorld& w, int attendees) {
  return boost::json::serialize(boost::json::object{
      {"reporting_unit", w.commune},
      {"place", w.commune},
      {"date_from", "2025-09-12"},
      {"kind", "conference"},
      {"groups", boost::json::array{"farm_households"}},
      {"topics", boost::json::array{"voluntary_si"}},
      {"figures", boost::json::object{{"events", 1}, {"attendees", attendees}}}});
}

TEST(Audit, ChangeRecordsBeforeAndAfter) {
  AuthWorld w;
  auto admin = w.token_caller(w.add_user("quantri", "admin", "VN"));
  auto target = w.add_user("cb.xa", "commune_staff", w.commune);
  admin.remote = "203.0.113.5";
  auto r = w.call(admin, "PUT", "/api/v1/users/" + std::to_string(target.id), {},
                  R"({"full_name":"Nguyễn Thị Hoa"})");
  ASSERT_EQ(r.status, 200) << r.body;

  auto log =
      boost::json::parse(w.call(admin, "GET", "/api/v1/audit", {{"action", "user.update"}}).body);
  auto entries = log.at("entries").as_array();
  ASSERT_EQ(entries.size(), 1u);
  auto e = entries[0].as_object();
  EXPECT_EQ(e.at("username").as_string(), "quantri");
  EXPECT_EQ(e.at("remote").as_string(), "203.0.113.5");
  EXPECT_EQ(e.at("entity").as_string(), "user:" + std::to_string(target.id));
  EXPECT_EQ(e.at("before").at("full_name").as_string(), "cb.xa (thử)");
  EXPECT_EQ(e.at("after").at("full_name").as_string(), "Nguyễn Thị Hoa");
  EXPECT_EQ(e.at("unit_id").as_string(), w.commune);
}

TEST(Audit, RefusedWritesAreRecordedToo) {
  AuthWorld w;
  auto admin = w.token_caller(w.add_user("quantri", "admin", "VN"));
  auto outsider = w.token_caller(w.add_user("cb.hn", "province_staff", w.other_province));
  auto body = boost::json::serialize(boost::json::object{{"reporting_unit", w.commune},
                                                         {"place", w.commune},
                                                         {"date_from", "2025-10-02"},
                                                         {"kind", "conference"}});
  outsider.remote = "198.51.100.4";
  EXPECT_EQ(w.call(outsider, "POST", "/api/v1/activities", {}, body).status, 403);
  auto log = boost::json::parse(w.call(admin, "GET", "/api/v1/audit", {{"user", "cb.hn"}}).body);
  ASSERT_EQ(log.at("total").as_int64(), 1);
  auto e = log.at("entries").at(0).as_object();
  EXPECT_EQ(e.at("status").as_int64(), 403);
  EXPECT_EQ(e.at("action").as_string(), "POST /api/v1/activities");
  EXPECT_EQ(e.at("remote").as_string(), "198.51.100.4");
  EXPECT_EQ(e.at("unit_id").as_string(), w.commune);
}

TEST(Audit, ActivityEditKeepsBeforeAndAfterImages) {
  AuthWorld w;
  auto admin = w.token_caller(w.add_user("quantri", "admin", "VN"));
  auto staff = w.token_caller(w.add_user("cb.xa", "commune_staff", w.commune));
  auto act = [&](int attendees) { return conference(w, attendees); };
  auto made = w.call(staff, "POST", "/api/v1/activities", {}, act(40));
  ASSERT_EQ(made.status, 201) << made.body;
  auto id = boost::json::parse(made.body).at("id").as_int64();
  ASSERT_EQ(w.call(staff, "PUT", "/api/v1/activities/" + std::to_string(id), {}, act(75)).status,
            200);
  auto log = boost::json::parse(
      w.call(admin, "GET", "/api/v1/audit", {{"action", "PUT /api/v1/activities/{id}"}}).body);
  ASSERT_EQ(log.at("total").as_int64(), 1);
  auto e = log.at("entries").at(0).as_object();
  EXPECT_EQ(e.at("username").as_string(), "cb.xa");
  EXPECT_EQ(e.at("before").at("figures").at("attendees").as_int64(), 40);
  EXPECT_EQ(e.at("after").at("figures").at("attendees").as_int64(), 75);
}

TEST(Audit, LogIsAppendOnly) {
  AuthWorld w;
  auto lease = w.rt().pool().acquire();
  audit::record(*lease, {0, 0, 1, "a", "127.0.0.1", "test", "x", "", 200, "", "", ""});
  EXPECT_THROW(lease->execute("UPDATE audit_log SET username = 'b'"), Error);
  EXPECT_THROW(lease->execute("DELETE FROM audit_log"), Error);
  EXPECT_EQ(lease->scalar("SELECT COUNT(*) FROM audit_log WHERE username = 'a'"), 1);
}

TEST(Audit, CsvExportAndAdminOnly) {
  AuthWorld w;
  auto admin = w.token_caller(w.add_user("quantri", "admin", "VN"));
  auto leader = w.token_caller(w.add_user("lanhdao", "leader", "VN"));
  w.call(admin, "POST", "/api/v1/users", {},
         R"({"username":"ld2","role":"leader","unit_id":"VN","password":"Lanh-dao-2025"})");
  auto csv = w.call(admin, "GET", "/api/v1/audit", {{"format", "csv"}});
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(csv.content_type.starts_with("text/csv"));
  EXPECT_NE(csv.body.find("Người thực hiện"), std::string::npos);
  EXPECT_NE(csv.body.find("user.create"), std::string::npos);
  EXPECT_EQ(csv.body.find("Lanh-dao-2025"), std::string::npos) << "a password leaked into the log";
  EXPECT_EQ(w.call(leader, "GET", "/api/v1/audit").status, 403);
}

// An import is kept as what happened — the file's name, size and SHA-256 — never its bytes,
// and a deleted target keeps its before-image (issue 21, item 7).
TEST(Audit, ImportKeepsTheFilesFactsAndDeleteKeepsTheBeforeImage) {
  AuthWorld w;
  auto admin = w.token_caller(w.add_user("quantri", "admin", "VN"));
  auto staff = w.token_caller(w.add_user("cb.tinh", "province_staff", w.province));
  std::string csv = "Ngày,Đơn vị,Loại hoạt động,Số cuộc,Số lượt người tham dự\n10/11/2025," +
                    w.commune + ",Hội nghị truyền thông,1,40\n";
  std::string body =
      "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; "
      "filename=\"hoat-dong-thang-11.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
      csv + "\r\n--XYZ--\r\n";
  auto r = testutil::request("POST", "/api/v1/imports", {}, body);
  r.headers["content-type"] = "multipart/form-data; boundary=XYZ";
  r.headers["authorization"] = "Bearer " + staff.bearer;
  auto started = w.rt().router().dispatch(r);
  ASSERT_EQ(started.status, 202) << started.body;
  auto log = boost::json::parse(
      w.call(admin, "GET", "/api/v1/audit", {{"action", "POST /api/v1/imports"}}).body);
  ASSERT_EQ(log.at("total").as_int64(), 1);
  auto request = log.at("entries").at(0).at("request");
  auto file = (request.is_string() ? boost::json::parse(request.as_string()) : request).at("file");
  EXPECT_EQ(file.at("filename").as_string(), "hoat-dong-thang-11.csv");
  EXPECT_EQ(file.at("bytes").as_int64(), static_cast<int64_t>(csv.size()));
  EXPECT_EQ(file.at("sha256").as_string(), auth::sha256_hex(csv));
  // When the job ends, what it wrote, under the officer's name.
  auto id = boost::json::parse(started.body).at("id").as_int64();
  boost::json::value ended;
  for (int i = 0; i < 500; ++i) {
    auto found = boost::json::parse(
        w.call(admin, "GET", "/api/v1/audit", {{"action", "import.ended"}}).body);
    if (found.at("total").as_int64() > 0) {
      ended = found.at("entries").at(0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(ended.is_object()) << "the end of the import was not recorded";
  EXPECT_EQ(ended.at("username").as_string(), "cb.tinh");
  EXPECT_EQ(ended.at("entity").as_string(), "import:" + std::to_string(id));
  EXPECT_EQ(ended.at("after").at("filename").as_string(), "hoat-dong-thang-11.csv");
  EXPECT_EQ(ended.at("after").at("inserted").as_int64(), 1);
  EXPECT_EQ(ended.at("unit_id").as_string(), w.province);

  auto made = w.call(
      staff, "POST", "/api/v1/plans/targets", {},
      R"({"unit_id":")" + w.province + R"(","year":2026,"indicator":"bhyt_coverage","value":95})");
  ASSERT_EQ(made.status, 201) << made.body;
  auto target = std::to_string(boost::json::parse(made.body).at("id").as_int64());
  ASSERT_EQ(w.call(staff, "DELETE", "/api/v1/plans/targets/" + target).status, 200);
  auto del = boost::json::parse(
      w.call(admin, "GET", "/api/v1/audit", {{"action", "DELETE /api/v1/plans/targets/{id}"}})
          .body);
  ASSERT_EQ(del.at("total").as_int64(), 1);
  auto before = del.at("entries").at(0).at("before");
  EXPECT_EQ(before.at("unit_id").as_string(), w.province);
  EXPECT_EQ(before.at("value").as_double(), 95.0);
}

// A change and its audit record land together or not at all (issue 22, item 1): with the audit
// table refusing every insert, each kind of write answers an error and leaves the data as it was.
TEST(Audit, AChangeWhoseRecordCannotBeWrittenIsNotStored) {
  AuthWorld w;
  auto staff = w.token_caller(w.add_user("cb.tinh", "province_staff", w.province));
  auto act = [&](int attendees) { return conference(w, attendees); };
  auto made = w.call(staff, "POST", "/api/v1/activities", {}, act(40));
  ASSERT_EQ(made.status, 201) << made.body;
  std::string path =
      "/api/v1/activities/" + std::to_string(boost::json::parse(made.body).at("id").as_int64());
  auto target = w.call(
      staff, "POST", "/api/v1/plans/targets", {},
      R"({"unit_id":")" + w.province + R"(","year":2026,"indicator":"bhyt_coverage","value":95})");
  ASSERT_EQ(target.status, 201) << target.body;
  std::string target_path = "/api/v1/plans/targets/" +
                            std::to_string(boost::json::parse(target.body).at("id").as_int64());

  auto lease = w.rt().pool().acquire();
  auto count = [&](const char* table) {
    return lease->scalar(std::string("SELECT COUNT(*) FROM ") + table).value_or(-1);
  };
  const int64_t activities = count("activities"), history = count("activity_history"),
                targets = count("plan_targets"), records = count("audit_log");
  lease->exec_script(testutil::on_postgres()
                         ? "CREATE FUNCTION audit_log_full() RETURNS trigger LANGUAGE plpgsql AS $$"
                           " BEGIN RAISE EXCEPTION 'database or disk is full'; END $$;"
                           "CREATE TRIGGER audit_log_full BEFORE INSERT ON audit_log"
                           " FOR EACH ROW EXECUTE FUNCTION audit_log_full()"
                         : "CREATE TRIGGER audit_log_full BEFORE INSERT ON audit_log"
                           " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");

  auto refused = w.call(staff, "PUT", path, {}, act(75));
  EXPECT_EQ(refused.status, 500) << refused.body;
  EXPECT_EQ(w.call(staff, "POST", "/api/v1/activities", {}, act(90)).status, 500);
  EXPECT_EQ(w.call(staff, "DELETE", path).status, 500);
  EXPECT_EQ(w.call(staff, "DELETE", target_path).status, 500);
  EXPECT_EQ(w.call(staff, "POST", "/api/v1/plans/targets", {},
                   R"({"unit_id":")" + w.province +
                       R"(","year":2027,"indicator":"bhyt_coverage","value":96})")
                .status,
            500);
  EXPECT_EQ(
      w.call(staff, "POST", "/api/v1/plans/results", {},
             R"({"unit_id":")" + w.province + R"(","period":"2025-12","values":{"bhyt":7000}})")
          .status,
      500);
  // A file import: the rows and the record are one transaction too.
  activities::ImportOptions opt;
  opt.filename = "hoat-dong.csv";
  opt.actor = testutil::by("cb.tinh");
  std::string csv = "Ngày,Đơn vị,Loại hoạt động,Số cuộc,Số lượt người tham dự\n10/11/2025," +
                    w.commune + ",Hội nghị truyền thông,1,40\n";
  EXPECT_THROW(w.rt().activities().import_file(*lease, csv, opt), Error);

  EXPECT_EQ(count("activities"), activities);
  EXPECT_EQ(count("activity_history"), history);
  EXPECT_EQ(count("plan_targets"), targets);
  EXPECT_EQ(count("participation_results"), 0);
  EXPECT_EQ(count("audit_log"), records);
  auto stored = boost::json::parse(w.call(staff, "GET", path).body);
  EXPECT_EQ(stored.at("figures").at("attendees").as_int64(), 40) << "the edit landed unrecorded";

  // Once records can be written again, the same edit lands with its record.
  lease->exec_script(testutil::on_postgres() ? "DROP TRIGGER audit_log_full ON audit_log"
                                             : "DROP TRIGGER audit_log_full");
  EXPECT_EQ(w.call(staff, "PUT", path, {}, act(75)).status, 200);
  EXPECT_EQ(count("audit_log"), records + 1);
}

// A record written after its change committed could be lost while the change stays: the audit
// refuses to write one outside a transaction.
TEST(Audit, ARecordOfAChangeNeedsTheChangesTransaction) {
  AuthWorld w;
  auto lease = w.rt().pool().acquire();
  EXPECT_THROW(audit::record_change(*lease, testutil::by(), "{}"), std::logic_error);
}

}  // namespace
