// The file an import route receives (api/upload.h): multipart parts, raw bodies, the
// Vietnamese errors when something is missing, and the file taken over rather than copied.
#include <gtest/gtest.h>

#include "api/upload.h"
#include "common/error.h"

using namespace caunoi;

namespace {

api::Request multipart(const std::string& content_type, const std::string& body) {
  api::Request q;
  q.method = "POST";
  q.headers["content-type"] = content_type;
  q.body = body;
  return q;
}

std::string code_of(const api::Request& q) {
  try {
    api::uploaded_file(q, "tep.csv");
  } catch (const Error& e) {
    return e.code();
  }
  return "";
}

}  // namespace

TEST(Upload, TakesThePartNamedFileWhateverComesBefore) {
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"unit\"\r\n\r\n01\r\n"
      "--XyZ\r\ncontent-disposition: form-data; name=\"file\"; filename=\"Báo cáo T3.xlsx\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\nPK\x03\x04 bytes\r\nwith a break\r\n"
      "--XyZ--\r\n";
  auto up = api::uploaded_file(multipart("multipart/form-data; boundary=\"XyZ\"", body), "x");
  EXPECT_EQ(up.filename, "Báo cáo T3.xlsx");
  EXPECT_EQ(up.data, "PK\x03\x04 bytes\r\nwith a break");
}

TEST(Upload, RawBodyTakesItsNameFromTheQueryOrTheDefault) {
  api::Request q;
  q.body = "Ngày,Đơn vị\n";
  EXPECT_EQ(api::uploaded_file(q, "tep.csv").filename, "tep.csv");
  q.body = "Ngày,Đơn vị\n";  // taken by the first call
  q.query["filename"] = "hoat-dong.csv";
  auto up = api::uploaded_file(q, "tep.csv");
  EXPECT_EQ(up.filename, "hoat-dong.csv");
  EXPECT_EQ(up.data, "Ngày,Đơn vị\n");
}

TEST(Upload, MissingPiecesAreNamed) {
  EXPECT_EQ(code_of(multipart("multipart/form-data", "--a\r\n")), "bad_multipart");
  EXPECT_EQ(code_of(multipart("multipart/form-data; boundary=a",
                              "--a\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nx\r\n"
                              "--a--\r\n")),
            "missing_file");
  EXPECT_EQ(code_of(multipart("multipart/form-data; boundary=a",
                              "--a\r\nContent-Disposition: form-data; name=\"file\"; "
                              "filename=\"a.csv\"\r\n\r\n\r\n--a--\r\n")),
            "empty_file");
  EXPECT_EQ(code_of(api::Request{}), "empty_file");
}

TEST(Upload, HeaderParamIgnoresLookalikeNamesAndCase) {
  EXPECT_EQ(api::header_param("form-data; name=\"file\"; filename=\"a.csv\"", "name"), "file");
  EXPECT_EQ(api::header_param("form-data; filename=\"a.csv\"", "name"), "");
  EXPECT_EQ(api::header_param("multipart/form-data; BOUNDARY=abc ", "boundary"), "abc");
}

// An upload may be 64 MiB: the file is the request's own buffer, moved, not a second copy.
TEST(Upload, TheFileIsTakenOverNotCopied) {
  api::Request raw;
  raw.body.assign(1 << 20, 'x');
  const char* buffer = raw.body.data();
  auto up = api::uploaded_file(raw, "tep.csv");
  EXPECT_EQ(up.data.data(), buffer);
  EXPECT_EQ(up.data.size(), 1u << 20);
  EXPECT_TRUE(raw.body.empty());

  std::string file(1 << 20, 'y');
  auto form = multipart("multipart/form-data; boundary=XyZ",
                        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
                        "filename=\"a.csv\"\r\n\r\n" +
                            file + "\r\n--XyZ--\r\n");
  buffer = form.body.data();
  up = api::uploaded_file(form, "x");
  EXPECT_EQ(up.data.data(), buffer);
  EXPECT_EQ(up.data, file);
  EXPECT_EQ(up.filename, "a.csv");
}
