// cli/cmd_ask.cpp — `caunoi ask [--kb FILE] "question"` answers one question from a JSONL bank;
// `caunoi ask --kb FILE --batch IN.jsonl` answers many. The batch output is a stable interface
// other tools read: one line per input line, {"q", "id" (entry id or null), "confidence",
// "related" (ids)}.
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>

#include <boost/json.hpp>

#include "app/bootstrap.h"
#include "cli/commands.h"
#include "qa/engine.h"
#include "qa/jsonl.h"

namespace caunoi::cli {
namespace {

struct AskArgs {
  std::string kb, batch, question;
  bool json = false;
};

boost::json::array related_ids(const qa::Engine& e, const qa::Ranking& r) {
  boost::json::array a;
  for (uint32_t i : r.related) a.emplace_back(e.entry(i).id);
  return a;
}

int run_batch(const qa::Engine& e, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw not_found("file_not_found", "Không đọc được tệp " + path + ".");
  qa::for_each_json_line(in, [&](long no, const boost::json::object* line) {
    const boost::json::value* q = line ? line->if_contains("q") : nullptr;
    if (!q || !q->is_string())
      throw invalid("invalid_batch", "Dòng " + std::to_string(no) + " của " + path +
                                         " không có dạng {\"q\": \"...\"}.");
    const std::string question(q->as_string());
    const qa::Ranking r = e.ask(question);
    // Written by hand so that the confidence is a plain decimal (0.9952), not 9.952E-1.
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.4f", r.confidence);
    const boost::json::value id =
        r.answered ? boost::json::value(e.entry(static_cast<uint32_t>(r.best)).id)
                   : boost::json::value(nullptr);
    std::cout << "{\"q\":" << boost::json::serialize(boost::json::value(question))
              << ",\"id\":" << boost::json::serialize(id) << ",\"confidence\":" << conf
              << ",\"related\":" << boost::json::serialize(related_ids(e, r)) << "}\n";
  });
  return 0;
}

void print_one(const qa::Engine& e, const std::string& question, bool json) {
  const qa::Ranking r = e.ask(question);
  if (json) {
    boost::json::object o;
    o["answered"] = r.answered;
    if (r.answered) {
      const auto& x = e.entry(static_cast<uint32_t>(r.best));
      o["id"] = x.id;
      o["question"] = x.question;
      o["answer"] = x.answer;
      o["legal_basis"] = x.legal_basis;
    } else {
      o["message"] = qa::handoff_message();
    }
    o["confidence"] = r.confidence;
    o["related"] = related_ids(e, r);
    std::cout << boost::json::serialize(o) << '\n';
    return;
  }
  std::cout << std::fixed << std::setprecision(2);
  if (r.answered) {
    const auto& x = e.entry(static_cast<uint32_t>(r.best));
    std::cout << "[" << x.id << "] " << x.question << "\n\n"
              << x.answer << "\n\nCăn cứ: " << x.legal_basis << "\nĐộ tin cậy: " << r.confidence
              << "\n";
  } else {
    std::cout << qa::handoff_message() << "\nĐộ tin cậy: " << r.confidence << "\n";
  }
  if (!r.related.empty()) std::cout << "\nCâu hỏi liên quan:\n";
  for (uint32_t i : r.related)
    std::cout << "  - [" << e.entry(i).id << "] " << e.entry(i).question << "\n";
}

}  // namespace

void add_ask(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("ask", "Hỏi đáp tự động: trả lời câu hỏi từ ngân hàng hỏi đáp");
  static AskArgs a;
  cmd->add_option("--kb", a.kb, "Ngân hàng hỏi đáp dạng JSONL (mặc định data/qa/kb.jsonl)");
  cmd->add_option("--batch", a.batch,
                  "Tệp JSONL, mỗi dòng {\"q\": \"...\"}; in một dòng kết quả cho mỗi câu");
  cmd->add_flag("--json", a.json, "In kết quả dạng JSON");
  cmd->add_option("question", a.question, "Câu hỏi");
  cmd->callback([&exit_code] {
    const auto paths = app::locate();
    const std::string kb = a.kb.empty() ? (paths.data_dir / "qa" / "kb.jsonl").string() : a.kb;
    auto engine = qa::load_engine(kb, paths.data_dir);
    if (!a.batch.empty()) {
      exit_code = run_batch(*engine, a.batch);
      return;
    }
    if (a.question.empty()) throw invalid("empty_question", "Hãy nhập câu hỏi.");
    print_one(*engine, a.question, a.json);
  });
}

}  // namespace caunoi::cli
