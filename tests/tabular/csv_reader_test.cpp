// tests/tabular/csv_reader_test.cpp — the CSV reader on the shapes staff files take.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "common/error.h"
#include "tabular/csv_reader.h"
#include "tabular/csv_records.h"
#include "tabular/csv_writer.h"

using caunoi::tabular::Cells;
using caunoi::tabular::read_csv;

namespace {

struct Read {
  std::vector<long> rows;
  std::vector<std::vector<std::string>> cells;
};

Read read(std::string_view text, caunoi::tabular::CsvOptions opt = {}) {
  Read r;
  read_csv(
      text,
      [&](long row, Cells c) {
        r.rows.push_back(row);
        r.cells.emplace_back(c.begin(), c.end());
        return true;
      },
      opt);
  return r;
}

}  // namespace

TEST(CsvReader, CommaWithBomAndCrlf) {
  Read r = read("\xEF\xBB\xBFNgày,Đơn vị,Số người\r\n31/10/2022,Yên Bái,120\r\n");
  ASSERT_EQ(r.cells.size(), 2u);
  EXPECT_EQ(r.cells[0][0], "Ngày");  // the BOM is not part of the first header
  EXPECT_EQ(r.cells[1], (std::vector<std::string>{"31/10/2022", "Yên Bái", "120"}));
  EXPECT_EQ(r.rows, (std::vector<long>{1, 2}));
}

TEST(CsvReader, SemicolonDetectedEvenWithCommasInQuotes) {
  Read r = read("Ghi chú;Số\n\"a, b, c\";5\n");
  ASSERT_EQ(r.cells.size(), 2u);
  EXPECT_EQ(r.cells[1], (std::vector<std::string>{"a, b, c", "5"}));
}

TEST(CsvReader, QuotedFieldsWithDoubledQuotesAndLineBreaks) {
  Read r = read("a,b\n\"nói \"\"vui\"\"\",\"dòng 1\ndòng 2\"\nx,y");
  ASSERT_EQ(r.cells.size(), 3u);
  EXPECT_EQ(r.cells[1][0], "nói \"vui\"");
  EXPECT_EQ(r.cells[1][1], "dòng 1\ndòng 2");
  EXPECT_EQ(r.cells[2], (std::vector<std::string>{"x", "y"}));  // no final newline
  EXPECT_EQ(r.rows, (std::vector<long>{1, 2, 3}));
}

TEST(CsvReader, BlankLinesSkippedButCounted) {
  Read r = read("a\n\n\nb\n");
  EXPECT_EQ(r.rows, (std::vector<long>{1, 4}));
}

TEST(CsvReader, EmptyFieldsKept) {
  Read r = read("a,,c,\n");
  EXPECT_EQ(r.cells[0], (std::vector<std::string>{"a", "", "c", ""}));
}

TEST(CsvReader, UnclosedQuoteNamesTheRow) {
  try {
    read("a,b\n1,2\n\"never closed,3\n");
    FAIL() << "no error";
  } catch (const caunoi::Error& e) {
    EXPECT_EQ(e.code(), "csv_bad_quote");
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].row, 3);
  }
}

TEST(CsvReader, TextAfterClosingQuoteRefused) {
  EXPECT_THROW(read("\"a\"b,c\n"), caunoi::Error);
}

TEST(CsvReader, Windows1258BytesRefusedWithTheLine) {
  try {
    read("a\nb\nH\xE0 N\xF4i\n");  // Latin-1-ish bytes, not UTF-8
    FAIL() << "no error";
  } catch (const caunoi::Error& e) {
    EXPECT_EQ(e.code(), "csv_bad_utf8");
    EXPECT_EQ(e.fields().at(0).row, 3);
  }
}

TEST(CsvReader, StopsWhenAsked) {
  int seen = 0;
  read_csv("a\nb\nc\n", [&](long, Cells) { return ++seen < 2; });
  EXPECT_EQ(seen, 2);
}

TEST(CsvWriter, RoundTripsThroughTheReader) {
  caunoi::tabular::CsvWriter w(';');
  w.row({"Ghi chú", "Số"});
  w.field("có ; dấu \"ngoặc\"\nxuống dòng").field(int64_t{144000}).end_row();
  Read r = read(w.str());
  ASSERT_EQ(r.cells.size(), 2u);
  EXPECT_EQ(r.cells[1][0], "có ; dấu \"ngoặc\"\nxuống dòng");
  EXPECT_EQ(r.cells[1][1], "144000");
  EXPECT_EQ(w.str().substr(0, 3), "\xEF\xBB\xBF");
}

// Text cells that a spreadsheet program would run as a formula get one apostrophe; number
// cells never do; unescape_text_cell takes back exactly what was added, whatever the text.
TEST(CsvWriter, FormulaLikeTextIsMarkedNumbersAreNot) {
  using caunoi::tabular::unescape_text_cell;
  caunoi::tabular::CsvWriter w(';', /*bom=*/false);
  w.field("-5").field(int64_t{-5}).field("=a;b").field("@x").field("\t=1").field("\r=1");
  w.field("'=1").field("'abc").field("a=b").field("").field("05/03/2022").end_row();
  EXPECT_EQ(w.str(), "'-5;-5;\"'=a;b\";'@x;'\t=1;\"'\r=1\";''=1;'abc;a=b;;05/03/2022\r\n");
  Read r = read(w.str());
  ASSERT_EQ(r.cells.size(), 1u);
  const std::vector<std::string> written = {"-5",  "-5",   "=a;b", "@x", "\t=1",      "\r=1",
                                            "'=1", "'abc", "a=b",  "",   "05/03/2022"};
  ASSERT_EQ(r.cells[0].size(), written.size());
  for (size_t i = 0; i < written.size(); ++i) {
    std::string_view cell = r.cells[0][i];
    EXPECT_EQ(i == 1 ? cell : unescape_text_cell(cell), written[i]) << i;
  }
  EXPECT_EQ(unescape_text_cell("'"), "'");
  EXPECT_EQ(unescape_text_cell("'+84"), "+84");
  EXPECT_EQ(unescape_text_cell("''+84"), "'+84");
}

// The quick line count that gives an import's progress its total: for well-formed files it
// matches what read_csv reads plus blank lines; quoted line breaks are not lines.
TEST(CsvReader, EstimateLinesMatchesTheReaderOnWellFormedFiles) {
  using caunoi::tabular::estimate_csv_lines;
  const std::string_view files[] = {
      "",
      "a,b\n",
      "a,b",
      "a,b\r\n1,2\r\n",
      "a,b\n\n1,2\n",  // a blank line: counted, though the reader skips it
      "a,b\n\"x\ny\",2\n3,\"\"\"q\"\"\"\n",
      "a,b\n\"x\r\ny\",\"z\nw\nv\"\n4,5",
      "\xEF\xBB\xBFNgày;Ghi chú\n01/02/2022;\"có \"\"ngoặc\"\"\nvà xuống dòng\"\n",
  };
  const size_t blank_lines[] = {0, 0, 0, 0, 1, 0, 0, 0};
  for (size_t i = 0; i < std::size(files); ++i) {
    EXPECT_EQ(estimate_csv_lines(files[i]), read(files[i]).rows.size() + blank_lines[i])
        << "file " << i;
  }
  // A quote never closed: the rest is one record (the reader refuses such a file).
  EXPECT_EQ(estimate_csv_lines("a\n\"b\nc\nd\n"), 2u);
}

// The project's own reference files (data/admin) as records by heading.
TEST(CsvRecords, ReadsByHeadingWithQuotesAndMissingCells) {
  namespace fs = std::filesystem;
  fs::path p =
      fs::temp_directory_path() / ("caunoi-records-" + std::to_string(::getpid()) + ".csv");
  {
    std::ofstream out(p, std::ios::binary);
    out << "\xEF\xBB\xBF"
           "code,name,full_name\r\n"
        << "01,\"Hà Nội\",\"Thành phố Hà Nội, thủ đô\"\r\n"
        << "\r\n"
        << "15,Yên Bái\r\n";
  }
  auto records = caunoi::tabular::read_csv_records(p);
  fs::remove(p);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].at("code"), "01");
  EXPECT_EQ(records[0].at("full_name"), "Thành phố Hà Nội, thủ đô");
  EXPECT_EQ(records[1].at("name"), "Yên Bái");
  EXPECT_EQ(records[1].at("full_name"), "");  // a missing cell reads as empty

  try {
    caunoi::tabular::read_csv_records(p);  // gone now
    FAIL() << "a missing data file must throw";
  } catch (const caunoi::Error& e) {
    EXPECT_EQ(e.code(), "data_file");
    EXPECT_NE(std::string(e.what()).find(p.string()), std::string::npos);
  }
}
