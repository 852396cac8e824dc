// tests/foundation/places_test.cpp — the real unit lists: counts, tree, search with and without
// diacritics, and old units rolled into today's (Yên Bái → Lào Cai, Hậu Giang → Cần Thơ,
// Phú Yên → Đắk Lắk).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/bootstrap.h"
#include "common/error.h"
#include "places/gazetteer.h"
#include "places/install.h"
#include "places/reform.h"
#include "places/unit_arg.h"
#include "test_db.h"

using namespace caunoi;
using places::Era;
using places::Level;

class Places : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testutil::TempDb();
    auto c = app::open_database(db_->path, testutil::test_paths());
    g_ = new places::Gazetteer(places::Gazetteer::load(*c));
  }
  static void TearDownTestSuite() {
    delete g_;
    delete db_;
  }
  static testutil::TempDb* db_;
  static places::Gazetteer* g_;
};
testutil::TempDb* Places::db_;
places::Gazetteer* Places::g_;

TEST_F(Places, OfficialCounts) {
  auto provinces = g_->children("VN");
  EXPECT_EQ(provinces.size(), 34u);
  size_t communes = 0, phuong = 0, dac_khu = 0;
  for (const auto* p : provinces)
    for (const auto* c : g_->children(p->id)) {
      ++communes;
      phuong += c->type == "Phường";
      dac_khu += c->type == "Đặc khu";
    }
  EXPECT_EQ(communes, 3321u);  // 2,611 xã + 697 phường + 13 đặc khu (2026 snapshot)
  EXPECT_EQ(phuong, 697u);
  EXPECT_EQ(dac_khu, 13u);
  EXPECT_EQ(g_->children("VN", Era::old).size(), 63u);
  size_t districts = 0, old_communes = 0;
  for (const auto* p : g_->children("VN", Era::old))
    for (const auto* d : g_->children(p->id)) {
      ++districts;
      old_communes += g_->children(d->id).size();
    }
  EXPECT_EQ(districts, 696u);
  EXPECT_EQ(old_communes, 10035u);
}

TEST_F(Places, InstallIsIdempotent) {
  auto c = app::open_database(db_->path, testutil::test_paths());
  EXPECT_EQ(places::install(*c, testutil::test_paths().data_dir), 0);
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM units"), 1 + 34 + 3321 + 63 + 696 + 10035);
}

TEST_F(Places, OldProvincesArePartOfTodaysProvinces) {
  EXPECT_EQ(g_->current_of("old:15").full_name, "Tỉnh Lào Cai");       // Yên Bái
  EXPECT_EQ(g_->current_of("old:93").full_name, "Thành phố Cần Thơ");  // Hậu Giang
  EXPECT_EQ(g_->current_of("old:54").full_name, "Tỉnh Đắk Lắk");       // Phú Yên
  // Today's Lào Cai kept Yên Bái's code 15; old Lào Cai (old:10) is in it too.
  EXPECT_EQ(g_->current_of("old:10").id, "15");
  EXPECT_EQ(g_->find("10"), nullptr);
  EXPECT_TRUE(g_->within("old:15", "15"));
  EXPECT_FALSE(g_->within("old:15", "08"));
  // A commune of old Yên Bái (Mù Cang Chải district) lies today in Lào Cai.
  const auto* mcc = g_->search("Mù Cang Chải", 5, Era::old).front();
  ASSERT_EQ(mcc->level, Level::district);
  auto communes = g_->children(mcc->id);
  ASSERT_FALSE(communes.empty());
  EXPECT_EQ(g_->current_province_of(communes.front()->id).id, "15");
  EXPECT_TRUE(g_->within(communes.front()->id, "15"));
  EXPECT_TRUE(g_->within(communes.front()->id, "VN"));
}

TEST_F(Places, AncestorsAndValidity) {
  const auto* mcc = g_->search("Mù Cang Chải", 5, Era::old).front();
  auto commune = g_->children(mcc->id).front();
  auto anc = g_->ancestors(commune->id);
  ASSERT_EQ(anc.size(), 3u);
  EXPECT_EQ(anc[0]->id, mcc->id);
  EXPECT_EQ(anc[1]->id, "old:15");
  EXPECT_EQ(anc[2]->id, "VN");
  ASSERT_TRUE(commune->valid_to);
  EXPECT_EQ(*commune->valid_to, (Date{2025, 6, 30}));
  ASSERT_TRUE(g_->get("15").valid_from);
  EXPECT_EQ(*g_->get("15").valid_from, (Date{2025, 7, 1}));
}

TEST_F(Places, SearchWithOrWithoutDiacriticsAnyCase) {
  for (const char* q : {"yen bai", "Yên Bái", "YEN BAI", "Ye\xCC\x82n Ba\xCC\x81i" /* NFD */}) {
    auto hits = g_->search(q, 5);
    ASSERT_FALSE(hits.empty()) << q;
    EXPECT_EQ(hits.front()->id, "old:15") << q;
  }
  auto lc = g_->search("lao cai", 3);
  ASSERT_FALSE(lc.empty());
  EXPECT_EQ(lc.front()->id, "15");  // today's province before the old one of the same name
  EXPECT_EQ(lc.at(1)->id, "old:10");
  EXPECT_EQ(g_->search("tinh lao cai", 1).front()->id, "15");
  EXPECT_TRUE(g_->search("khong co dau ca", 5).empty());
}

TEST_F(Places, SearchWithinATerritoryOnADay) {
  auto ids = [](const std::vector<const places::Unit*>& us) {
    std::vector<std::string> out;
    for (const auto* u : us) out.push_back(u->id);
    return out;
  };
  using ::testing::Contains;
  using ::testing::Not;
  // Unlimited, "yen binh" finds communes of Thái Nguyên (19) and Lạng Sơn (20) too: an officer
  // of Lào Cai must get only Lào Cai's own.
  EXPECT_THAT(ids(g_->search("yen binh", 50)), Contains("02116"));
  auto today = places::search_in(*g_, "yen binh", 50, "15", Date{2026, 1, 5});
  ASSERT_FALSE(today.empty());
  EXPECT_THAT(ids(today), Contains("04714"));  // Xã Yên Bình
  EXPECT_THAT(ids(today), Not(Contains("02116")));
  for (const auto* u : today) {
    EXPECT_EQ(u->era, Era::current) << u->id;
    EXPECT_TRUE(g_->within(u->id, "15")) << u->id;
  }
  // In 2024 the same officer gets the old units of the area: the district and the town.
  // Hải Phòng's old Phường Bắc Hà is left out.
  EXPECT_THAT(ids(g_->search("bac ha", 50)), Contains("old:11449"));
  auto before = places::search_in(*g_, "bac ha", 50, "15", Date{2024, 3, 1});
  EXPECT_THAT(ids(before), Contains("old:085"));    // Huyện Bắc Hà
  EXPECT_THAT(ids(before), Contains("old:02839"));  // Thị trấn Bắc Hà
  EXPECT_THAT(ids(before), Not(Contains("old:11449")));
  for (const auto* u : before) {
    EXPECT_EQ(u->era, Era::old) << u->id;
    EXPECT_EQ(g_->current_province_of(u->id).id, "15") << u->id;
  }
  // The old province is found within today's, and not from elsewhere.
  EXPECT_EQ(places::search_in(*g_, "yen bai", 5, "15", Date{2022, 1, 1}).front()->id, "old:15");
  // Within Hà Nội "yen bai" finds only its own Xã Yên Bài (Ba Vì).
  auto in_ha_noi = places::search_in(*g_, "yen bai", 5, "01", Date{2022, 1, 1});
  ASSERT_FALSE(in_ha_noi.empty());
  EXPECT_THAT(ids(in_ha_noi), Not(Contains("old:15")));
  for (const auto* u : in_ha_noi) EXPECT_EQ(g_->current_province_of(u->id).id, "01") << u->id;
  // No day: both eras; "Toàn quốc" only for the whole country.
  auto both = ids(places::search_in(*g_, "lao cai", 5, "15", std::nullopt));
  EXPECT_THAT(both, Contains("15"));
  EXPECT_THAT(both, Contains("old:10"));
  EXPECT_THROW(places::search_in(*g_, "lao cai", 5, "99999", std::nullopt), Error);
}

TEST_F(Places, WhatAUnitOfTodayCoveredBeforeTheReform) {
  auto olds = places::predecessors(*g_, "15");
  ASSERT_EQ(olds.size(), 2u);
  EXPECT_EQ(olds[0]->id, "old:10");
  EXPECT_EQ(olds[1]->id, "old:15");
  EXPECT_EQ(places::before_reform_note(*g_, g_->get("15")),
            "tỉnh Lào Cai, gồm tỉnh Lào Cai và tỉnh Yên Bái trước 01/07/2025");
  // A commune made of several old ones names them all, the town first (lowest code).
  auto note = places::before_reform_note(*g_, g_->get("02839"));
  EXPECT_TRUE(note.starts_with("xã Bắc Hà, gồm thị trấn Bắc Hà, xã ")) << note;
  EXPECT_TRUE(note.ends_with(" trước 01/07/2025")) << note;
  // Hà Nội stood for Hà Nội alone; old units and the country have nothing to say.
  EXPECT_EQ(places::predecessors(*g_, "01").size(), 1u);
  EXPECT_EQ(places::before_reform_note(*g_, g_->get("01")), "");
  EXPECT_TRUE(places::predecessors(*g_, "old:15").empty());
  EXPECT_EQ(places::before_reform_note(*g_, g_->get("VN")), "");
}

TEST_F(Places, ResolveCodeByDate) {
  EXPECT_EQ(g_->resolve_code("15", Date{2022, 5, 1})->id, "old:15");
  EXPECT_EQ(g_->resolve_code("15", Date{2026, 1, 1})->name, "Lào Cai");  // code kept, new land
  EXPECT_EQ(g_->resolve_code("10", Date{2026, 1, 1}), nullptr);          // no province 10 today
  EXPECT_EQ(g_->resolve_code("10", Date{2024, 1, 1})->name, "Lào Cai");
}

TEST_F(Places, DisplayNamesForNarratives) {
  EXPECT_EQ(g_->display_name(g_->get("VN")), "toàn quốc");
  EXPECT_EQ(g_->display_name(g_->get("15")), "tỉnh Lào Cai");
  EXPECT_EQ(g_->display_name(g_->get("01")), "thành phố Hà Nội");
}

TEST_F(Places, UnknownUnitIsNotFound) {
  try {
    g_->get("99999");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::not_found);
    EXPECT_EQ(e.code(), "unit_not_found");
  }
}

// Issue 22 item 3: a unit typed by a person, by code or by name (places/unit_arg.h).
TEST_F(Places, AUnitIsTypedByCodeOrName) {
  EXPECT_EQ(places::unit_from_text(*g_, "VN").id, "VN");
  EXPECT_EQ(places::unit_from_text(*g_, "15").id, "15");
  EXPECT_EQ(places::unit_from_text(*g_, "old:15").name, "Yên Bái");
  // A province before the ward of the same name (Phường Lào Cai), with or without diacritics.
  EXPECT_EQ(places::unit_from_text(*g_, "Lào Cai").id, "15");
  EXPECT_EQ(places::unit_from_text(*g_, "lao cai").id, "15");
  EXPECT_EQ(places::unit_from_text(*g_, "LÀO CAI").id, "15");
  EXPECT_EQ(places::unit_from_text(*g_, "tỉnh Lào Cai").id, "15");
  EXPECT_EQ(places::unit_from_text(*g_, "phuong ba dinh").full_name, "Phường Ba Đình");
}

TEST_F(Places, AnAmbiguousOrUnknownNameListsTheCandidates) {
  try {
    // Phường Ba Đình (Hà Nội), Xã Ba Đình (Thanh Hoá), and Xã Ba Dinh (Quảng Ngãi), which folds
    // alike.
    places::unit_from_text(*g_, "Ba Đình");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "ambiguous_unit");
    EXPECT_EQ(e.fields().size(), 3u);
    EXPECT_NE(std::string(e.what()).find("mã 21499"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("Phường Ba Đình"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("Xã Ba Đình"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("mã "), std::string::npos) << e.what();
  }
  try {
    places::unit_from_text(*g_, "Lao Ca");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "unit_not_found");
    EXPECT_NE(std::string(e.what()).find("Tỉnh Lào Cai"), std::string::npos) << e.what();
  }
}

// Issue 22 item 7: the corrected mapping. Old An Giang's Xã Tân Phú counts in An Giang, not in
// Đồng Tháp; every old unit's successors lie within its old province's successor (install checks
// it, and would refuse the data otherwise); a split commune counts in the part that kept its name.
TEST_F(Places, TheReformMappingStaysWithinProvinces) {
  EXPECT_EQ(g_->current_province_of("old:30622").name, "An Giang");
  for (std::size_t i = 0; i < g_->size(); ++i) {
    const auto& u = g_->at(static_cast<uint32_t>(i));
    if (u.era != places::Era::old || u.level == places::Level::province) continue;
    const std::string province = g_->ancestors(u.id).size() >= 2
                                     ? g_->ancestors(u.id)[g_->ancestors(u.id).size() - 2]->id
                                     : "";
    ASSERT_FALSE(province.empty()) << u.id;
    const auto& new_province = g_->current_of(province);
    for (const auto& s : u.successors)
      EXPECT_TRUE(g_->within(s, new_province.id)) << u.id << " → " << s;
  }
  const auto& ngoc_ha = *g_->search("Ngọc Hà", 5, places::Era::old).front();
  ASSERT_GT(ngoc_ha.successors.size(), 1u);
  EXPECT_EQ(g_->get(ngoc_ha.successors.front()).name, "Ngọc Hà");
}

TEST(PlacesInstall, ADatabaseInstalledBeforeACorrectionIsRelinked) {
  testutil::TempDb db;
  auto c = app::open_database(db.path, testutil::test_paths());  // installs the units
  // As a database made from the old mapping: Tân Phú sent to Đồng Tháp's Tân Phú Trung, and no
  // checksum of the data its links were made from.
  c->execute("UPDATE unit_successors SET new_id = '30259' WHERE old_id = 'old:30622'");
  c->execute("DELETE FROM unit_mapping");
  EXPECT_EQ(places::install(*c, CAUNOI_SOURCE_DIR "/data"), 0);  // units kept, links mended
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM unit_successors WHERE old_id = 'old:30622' AND "
                      "new_id = '30604'"),
            1);
  EXPECT_EQ(places::relink(*c, CAUNOI_SOURCE_DIR "/data"), 0);  // nothing left to change
}

// A copy of data/admin beside a test database, removed with the test.
struct AdminCopy {
  explicit AdminCopy(const std::string& db_path) : dir(db_path + "-data") {
    std::filesystem::create_directories(dir / "admin");
    for (const auto& f : std::filesystem::directory_iterator(CAUNOI_SOURCE_DIR "/data/admin"))
      std::filesystem::copy(f.path(), dir / "admin" / f.path().filename());
  }
  ~AdminCopy() { std::filesystem::remove_all(dir); }
  void append(const std::string& file, const std::string& text) const {
    std::ofstream(dir / "admin" / file, std::ios::app | std::ios::binary) << text;
  }
  std::filesystem::path dir;
};

// A start does not read the mapping again while its files are those the links were made from:
// links changed behind its back stay as they are until the data changes.
TEST(PlacesInstall, RelinkSkipsWhileTheMappingFilesAreUnchanged) {
  testutil::TempDb db;
  auto c = app::open_database(db.path, testutil::test_paths());
  const AdminCopy data(db.path);
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM unit_mapping"), 1);
  const auto links = c->scalar("SELECT COUNT(*) FROM unit_successors");
  c->execute("DELETE FROM unit_successors WHERE old_id = 'old:30622'");
  EXPECT_EQ(places::relink(*c, data.dir), 0);  // same bytes: not read, nothing mended
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM unit_successors"), *links - 1);

  // One more line in a mapping file (a blank one: the links it gives are the same).
  data.append("mapping_wards_2025.csv", "\n");
  EXPECT_EQ(places::relink(*c, data.dir), 1);  // read again: Tân Phú's link is back
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM unit_successors"), links);
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM unit_successors WHERE old_id = 'old:30622' AND "
                      "new_id = '30604'"),
            1);
  c->execute("DELETE FROM unit_successors WHERE old_id = 'old:30622'");
  EXPECT_EQ(places::relink(*c, data.dir), 0);  // the new checksum was stored with the links
}

TEST(PlacesInstall, AMappingRowOutsideItsProvinceIsRefusedAndChangesNothing) {
  testutil::TempDb db;
  auto c = app::open_database(db.path, testutil::test_paths());
  const AdminCopy data(db.path);
  const auto& dir = data.dir;
  // The source's old row: An Giang's Xã Tân Phú sent to Đồng Tháp's Xã Tân Phú Trung.
  std::ifstream in(dir / "admin" / "mapping_wards_2025.csv");
  std::string csv((std::istreambuf_iterator<char>(in)), {}),
      from = "91,Tỉnh An Giang,30604,Xã Vĩnh An,89,Tỉnh An Giang,30622";
  in.close();
  const auto at = csv.find(from);
  ASSERT_NE(at, std::string::npos);
  csv.replace(at, from.size(), "82,Tỉnh Đồng Tháp,30259,Xã Tân Phú Trung,89,Tỉnh An Giang,30622");
  std::ofstream(dir / "admin" / "mapping_wards_2025.csv") << csv;
  const auto before = c->scalar("SELECT COUNT(*) FROM unit_successors WHERE new_id = '30604'");
  try {
    places::relink(*c, dir);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "mapping_outside_province");
    EXPECT_NE(std::string(e.what()).find("30622"), std::string::npos) << e.what();
  }
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM unit_successors WHERE new_id = '30604'"), before);
}
