// bench/qa_xapian.cpp — see qa_xapian.h.
//
// Text goes through caunoi's own tokenizer and only the folded forms are kept (no diacritics,
// đ → d, lower case), for the documents and the queries alike: Xapian has no Vietnamese-aware
// diacritic folding of its own, and FTS5 gets the equivalent from `remove_diacritics 2`. Fields are
// weighted by repeating each term's wdf in proportion to caunoi's BM25F weights (3 : 2 : 0.6 : 1
// as 15 : 10 : 3 : 5), which is how Xapian does BM25F; BM25 uses k1 = 1.2 and b = 0.75 like
// FTS5's bm25(). A question is the OR of its folded words; no stemmer, no stop words.
#include "qa_xapian.h"

#include <unistd.h>
#include <xapian.h>

#include <cmath>

#include "qa_fields.h"
#include "text/tokenize.h"

namespace caunoi::bench {

namespace {

std::vector<std::string> folded_words(const std::string& s) {
  std::vector<std::string> out;
  for (auto& t : text::tokenize(s)) out.push_back(std::move(t.folded));
  return out;
}

std::string joined(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) (s += w) += ' ';
  return s;
}

}  // namespace

struct XapianBaseline::Impl {
  Xapian::WritableDatabase db;
  Xapian::Enquire enquire;
  explicit Impl(const std::filesystem::path& dir)
      : db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS), enquire(db) {}
};

XapianBaseline::XapianBaseline(const std::vector<qa::Entry>& bank)
    : dir_(std::filesystem::temp_directory_path() /
           ("caunoi-qa-bench-xapian-" + std::to_string(::getpid()))),
      impl_(std::make_unique<Impl>(dir_)) {
  Xapian::TermGenerator gen;
  for (const auto& e : bank) {
    Xapian::Document doc;
    gen.set_document(doc);
    const auto fields = baseline_fields(e);
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const auto wdf = static_cast<Xapian::termcount>(std::lround(kFieldWeights[f] * 5));
      gen.index_text_without_positions(joined(folded_words(fields[f])), wdf);
    }
    doc.set_data(e.id);
    impl_->db.add_document(doc);
  }
  impl_->db.commit();
  impl_->enquire = Xapian::Enquire(impl_->db);
  impl_->enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
}

XapianBaseline::~XapianBaseline() {
  impl_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::pair<std::string, double> XapianBaseline::ask(const std::string& q) {
  const auto words = folded_words(q);
  if (words.empty()) return {};
  impl_->enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
  const auto mset = impl_->enquire.get_mset(0, 1);
  if (mset.empty()) return {};
  return {mset.begin().get_document().get_data(), mset.begin().get_weight()};
}

}  // namespace caunoi::bench
