// activities/schema.cpp — migrations of component "activities" (see schema.h). Migration 2 seeds
// the reference lists; codes are stable (docs/api/activities.md), labels are what users read.
// An administrator adds entries through POST /api/v1/reference/{list}; never edit a migration.
#include "activities/schema.h"

namespace caunoi::activities {

namespace {

constexpr const char* kTables = R"sql(
CREATE TABLE activity_ref (
  list TEXT NOT NULL,
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (list, code)
);
CREATE TABLE activity_kind_figure (
  kind TEXT NOT NULL,
  figure TEXT NOT NULL,
  PRIMARY KEY (kind, figure)
);
CREATE TABLE activity_kind_channel (
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  PRIMARY KEY (kind, channel)
);
CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  reporting_unit TEXT NOT NULL,
  place TEXT NOT NULL,
  date_from TEXT NOT NULL,
  date_to TEXT NOT NULL,
  kind TEXT NOT NULL,
  channel TEXT NOT NULL DEFAULT '',
  groups TEXT NOT NULL DEFAULT '',
  topics TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  partners TEXT NOT NULL DEFAULT '',
  figures TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  external_ref TEXT,
  created_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX activities_external_ref ON activities(external_ref);
CREATE INDEX activities_date ON activities(date_from);
CREATE INDEX activities_place ON activities(place, date_from);
CREATE TABLE activity_history (
  activity_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  action TEXT NOT NULL,
  changed_by TEXT NOT NULL DEFAULT '',
  changed_at TEXT NOT NULL,
  reporting_unit TEXT NOT NULL,
  place TEXT NOT NULL,
  date_from TEXT NOT NULL,
  date_to TEXT NOT NULL,
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  groups TEXT NOT NULL,
  topics TEXT NOT NULL,
  languages TEXT NOT NULL,
  partners TEXT NOT NULL,
  figures TEXT NOT NULL,
  title TEXT NOT NULL,
  note TEXT NOT NULL,
  external_ref TEXT,
  deleted INTEGER NOT NULL,
  PRIMARY KEY (activity_id, version)
);
)sql";

constexpr const char* kSeed = R"sql(
INSERT INTO activity_ref(list, code, label, category, sort) VALUES
  ('kind','conference','Hội nghị truyền thông','meeting',1),
  ('kind','customer_conference','Hội nghị khách hàng','meeting',2),
  ('kind','dialogue','Đối thoại','meeting',3),
  ('kind','consultation','Tư vấn trực tiếp','meeting',4),
  ('kind','small_group','Truyền thông nhóm nhỏ','meeting',5),
  ('kind','campaign_launch','Lễ ra quân','event',6),
  ('kind','online_forum','Tọa đàm, giao lưu trực tuyến','online',7),
  ('kind','loudspeaker','Phát thanh loa truyền thanh cơ sở','broadcast',8),
  ('kind','press_item','Tin, bài, phóng sự trên báo chí, phát thanh, truyền hình','press',9),
  ('kind','online_post','Đăng tải trên cổng TTĐT, mạng xã hội','online',10),
  ('kind','printed','Ấn phẩm (tờ rơi, tờ gấp, pano, áp phích, sổ tay)','print',11),
  ('kind','contest','Cuộc thi','event',12),
  ('kind','hotline','Tư vấn qua tổng đài','phone',13),
  ('figure','events','Số cuộc','count',1),
  ('figure','attendees','Số lượt người tham dự','people',2),
  ('figure','sessions','Số buổi','count',3),
  ('figure','people_reached','Số người được tuyên truyền, vận động','people',4),
  ('figure','participants','Số người tham gia','people',5),
  ('figure','questions','Số câu hỏi được giải đáp','count',6),
  ('figure','broadcasts','Số lượt phát thanh','count',7),
  ('figure','items','Số tin, bài, ấn phẩm','count',8),
  ('figure','posts','Số tin, bài đăng tải','count',9),
  ('figure','views','Số lượt xem','people',10),
  ('figure','shares','Số lượt chia sẻ','count',11),
  ('figure','copies','Số bản','count',12),
  ('figure','calls','Số cuộc gọi','count',13),
  ('figure','entries','Số bài dự thi','count',14),
  ('group','party_government','Cấp ủy, chính quyền','',1),
  ('group','employers','Người sử dụng lao động','',2),
  ('group','compulsory_workers','Người lao động thuộc diện tham gia bắt buộc','',3),
  ('group','voluntary','Người tham gia BHXH tự nguyện, BHYT tự đóng','',4),
  ('group','students','Học sinh, sinh viên','',5),
  ('group','health_facilities','Cơ sở khám, chữa bệnh','',6),
  ('group','collection_agents','Tổ chức dịch vụ thu, cộng tác viên','',7),
  ('group','ethnic_minorities','Đồng bào dân tộc thiểu số','',8),
  ('group','farm_households','Hộ nông, lâm, ngư, diêm nghiệp','',9),
  ('group','near_poor','Người cận nghèo','',10),
  ('group','pensioners','Người hưởng lương hưu, trợ cấp BHXH','',11),
  ('group','general_public','Người dân nói chung','',12),
  ('topic','steering_committee','Kiện toàn Ban Chỉ đạo phát triển đối tượng tham gia (QĐ 546/QĐ-TTg)','',1),
  ('topic','budget_support','Hỗ trợ kinh phí từ ngân sách cho người tham gia','',2),
  ('topic','voluntary_si','BHXH tự nguyện','',3),
  ('topic','household_hi','BHYT hộ gia đình','',4),
  ('topic','student_hi','BHYT học sinh, sinh viên','',5),
  ('topic','collection_results','Kết quả thu, phát triển người tham gia','',6),
  ('topic','employer_duty','Trách nhiệm đóng BHXH, BHTN, BHYT của người sử dụng lao động','',7),
  ('topic','worker_rights','Quyền lợi của người lao động khi tham gia','',8),
  ('topic','lump_sum_risk','Rủi ro khi nhận BHXH một lần','',9),
  ('topic','return_to_work','Người lao động quay lại làm việc sau dịch Covid-19','',10),
  ('topic','peak_campaign','Đợt truyền thông cao điểm, nước rút','',11),
  ('topic','commendation','Biểu dương đơn vị thực hiện tốt','',12),
  ('topic','violations','Đơn vị vi phạm, chế tài xử lý vi phạm','',13),
  ('topic','good_practices','Cách làm hay, mô hình sáng tạo','',14),
  ('topic','unemployment_insurance','Bảo hiểm thất nghiệp','',15),
  ('topic','health_insurance_benefits','Quyền lợi BHYT, khám chữa bệnh','',16),
  ('topic','digital_services','VssID, dịch vụ công trực tuyến','',17),
  ('language','vi','Tiếng Việt','',1),
  ('language','hmong','Tiếng Mông','',2),
  ('language','thai','Tiếng Thái','',3),
  ('language','dao','Tiếng Dao','',4),
  ('language','tay','Tiếng Tày','',5),
  ('language','nung','Tiếng Nùng','',6),
  ('language','muong','Tiếng Mường','',7),
  ('language','khmer','Tiếng Khmer','',8),
  ('language','ede','Tiếng Ê đê','',9),
  ('language','bana','Tiếng Ba Na','',10),
  ('language','jarai','Tiếng Gia Rai','',11),
  ('language','mnong','Tiếng M''Nông','',12),
  ('language','kho','Tiếng K''Ho','',13),
  ('language','sedang','Tiếng Xơ Đăng','',14),
  ('language','cham','Tiếng Chăm','',15),
  ('language','hoa','Tiếng Hoa','',16),
  ('language','giay','Tiếng Giáy','',17),
  ('channel','print_press','Báo in','',1),
  ('channel','online_press','Báo điện tử','',2),
  ('channel','radio','Phát thanh','',3),
  ('channel','tv','Truyền hình','',4),
  ('channel','portal','Cổng thông tin điện tử','',5),
  ('channel','facebook','Facebook','',6),
  ('channel','zalo','Zalo','',7),
  ('channel','youtube','YouTube','',8),
  ('channel','tiktok','TikTok','',9),
  ('channel','vssid','Ứng dụng VssID','',10),
  ('partner','farmers_union','Hội Nông dân','',1),
  ('partner','youth_union','Đoàn Thanh niên','',2),
  ('partner','womens_union','Hội Liên hiệp Phụ nữ','',3),
  ('partner','labour_federation','Liên đoàn Lao động','',4),
  ('partner','propaganda_board','Ban Tuyên giáo','',5),
  ('partner','schools','Trường học','',6),
  ('partner','press_agencies','Cơ quan báo chí','',7),
  ('partner','fatherland_front','Mặt trận Tổ quốc','',8),
  ('partner','veterans','Hội Cựu chiến binh','',9),
  ('partner','local_government','Ủy ban nhân dân các cấp','',10),
  ('partner','health_sector','Ngành Y tế','',11),
  ('partner','education_sector','Ngành Giáo dục','',12),
  ('partner','labour_department','Ngành Lao động - Thương binh và Xã hội','',13),
  ('partner','post_office','Bưu điện','',14);
INSERT INTO activity_kind_figure(kind, figure) VALUES
  ('conference','events'), ('conference','attendees'), ('customer_conference','events'), ('customer_conference','attendees'),
  ('dialogue','events'), ('dialogue','attendees'), ('dialogue','questions'), ('consultation','events'),
  ('consultation','attendees'), ('consultation','questions'), ('small_group','events'), ('small_group','attendees'),
  ('campaign_launch','events'), ('campaign_launch','participants'), ('campaign_launch','people_reached'), ('online_forum','sessions'),
  ('online_forum','questions'), ('online_forum','views'), ('loudspeaker','broadcasts'), ('press_item','items'),
  ('online_post','posts'), ('online_post','views'), ('online_post','shares'), ('printed','items'),
  ('printed','copies'), ('contest','events'), ('contest','participants'), ('contest','entries'),
  ('hotline','calls'), ('hotline','questions');
INSERT INTO activity_kind_channel(kind, channel) VALUES
  ('online_forum','portal'), ('online_forum','facebook'), ('online_forum','zalo'), ('online_forum','youtube'),
  ('online_forum','tiktok'), ('online_forum','online_press'), ('online_forum','tv'), ('online_forum','radio'),
  ('press_item','print_press'), ('press_item','online_press'), ('press_item','radio'), ('press_item','tv'),
  ('online_post','portal'), ('online_post','facebook'), ('online_post','zalo'), ('online_post','youtube'),
  ('online_post','tiktok'), ('online_post','vssid');
)sql";

// Two access paths instead of three, so that a bulk import keeps fewer B-trees in step (measured
// in bench/import_bench.cpp). A derived reference ("auto:<content hash>-<rank>") hashes the
// row's place and date among its content, so it is unique where (place, date_from, ref) is; only
// references that people or other systems gave must be unique on their own. The listing by unit
// and period uses the same index as before, now with the reference as its last column. A
// derived reference whose row was later moved to another place or date by a form is remembered
// under its first key in activity_moved_refs, so that importing the original file again still
// adds nothing (filled here from the history already written).
constexpr const char* kAccessPaths = R"sql(
DROP INDEX activities_external_ref;
DROP INDEX activities_place;
CREATE UNIQUE INDEX activities_place ON activities(place, date_from, external_ref);
CREATE UNIQUE INDEX activities_given_ref ON activities(external_ref)
  WHERE external_ref NOT GLOB 'auto:*';
CREATE TABLE activity_moved_refs (
  place TEXT NOT NULL,
  date_from TEXT NOT NULL,
  external_ref TEXT NOT NULL,
  PRIMARY KEY (place, date_from, external_ref)
) WITHOUT ROWID;
INSERT OR IGNORE INTO activity_moved_refs(place, date_from, external_ref)
  SELECT h.place, h.date_from, h.external_ref
  FROM activity_history h JOIN activities a ON a.id = h.activity_id
  WHERE h.external_ref GLOB 'auto:*' AND (h.place <> a.place OR h.date_from <> a.date_from);
)sql";

// The same on PostgreSQL, which has no GLOB and no INSERT OR IGNORE.
constexpr const char* kAccessPathsPostgres = R"sql(
DROP INDEX activities_external_ref;
DROP INDEX activities_place;
CREATE UNIQUE INDEX activities_place ON activities(place, date_from, external_ref);
CREATE UNIQUE INDEX activities_given_ref ON activities(external_ref)
  WHERE substr(external_ref, 1, 5) <> 'auto:';
CREATE TABLE activity_moved_refs (
  place TEXT NOT NULL,
  date_from TEXT NOT NULL,
  external_ref TEXT NOT NULL,
  PRIMARY KEY (place, date_from, external_ref)
);
INSERT INTO activity_moved_refs(place, date_from, external_ref)
  SELECT h.place, h.date_from, h.external_ref
  FROM activity_history h JOIN activities a ON a.id = h.activity_id
  WHERE substr(h.external_ref, 1, 5) = 'auto:' AND (h.place <> a.place OR h.date_from <> a.date_from)
  ON CONFLICT DO NOTHING;
)sql";

// One condition for "a reference someone gave", read alike by both engines (GLOB is SQLite's),
// so that queries repeating it (repository.cpp) use the partial index on both. The figures and
// channels of a kind keep their order in a column of their own, not in SQLite's rowid, which
// PostgreSQL lacks; the order they were written in (rowid; a fresh table's ctid) becomes `ord`.
constexpr const char* kOneDialect = R"sql(
DROP INDEX activities_given_ref;
CREATE UNIQUE INDEX activities_given_ref ON activities(external_ref)
  WHERE substr(external_ref, 1, 5) <> 'auto:';
ALTER TABLE activity_kind_figure ADD COLUMN ord INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_kind_channel ADD COLUMN ord INTEGER NOT NULL DEFAULT 0;
UPDATE activity_kind_figure SET ord = rowid;
UPDATE activity_kind_channel SET ord = rowid;
)sql";

constexpr const char* kOneDialectPostgres = R"sql(
DROP INDEX activities_given_ref;
CREATE UNIQUE INDEX activities_given_ref ON activities(external_ref)
  WHERE substr(external_ref, 1, 5) <> 'auto:';
ALTER TABLE activity_kind_figure ADD COLUMN ord BIGINT NOT NULL DEFAULT 0;
ALTER TABLE activity_kind_channel ADD COLUMN ord BIGINT NOT NULL DEFAULT 0;
UPDATE activity_kind_figure f SET ord = n.rn
  FROM (SELECT ctid AS c, row_number() OVER (ORDER BY ctid) AS rn FROM activity_kind_figure) n
  WHERE f.ctid = n.c;
UPDATE activity_kind_channel f SET ord = n.rn
  FROM (SELECT ctid AS c, row_number() OVER (ORDER BY ctid) AS rn FROM activity_kind_channel) n
  WHERE f.ctid = n.c;
)sql";

constexpr store::Migration kMigrations[] = {
    {"activities", 1, "tables", kTables},
    {"activities", 2, "reference lists", kSeed},
    {"activities", 3, "access paths for bulk import", kAccessPaths, kAccessPathsPostgres},
    {"activities", 4, "one dialect for both engines", kOneDialect, kOneDialectPostgres},
};

}  // namespace

std::span<const store::Migration> migrations() {
  return kMigrations;
}

}  // namespace caunoi::activities
