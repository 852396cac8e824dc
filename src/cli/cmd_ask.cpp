// cli/cmd_ask.cpp — `caunoi ask [--kb FILE] "question"` answers one question from a JSONL bank;
// `caunoi ask --kb FILE --batch IN.jsonl` answers many. The batch output is a stable interface
// other tools read: one line per input line, {"q", "id" (entry id or null), "confidence",
// "related" (ids)}; a letter with several asks adds "asks": [{"id", "confidence"}…] in order
// (the first is also "id"), and an own-case request adds "own_case": true (id null).
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

std::string decimal(double x) {  // 0.9952, not 9.952E-1
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.4f", x);
  return buf;
}

boost::json::value id_of(const qa::Engine& e, const qa::Ranking& r) {
  return r.answered ? boost::json::value(e.entry(static_cast<uint32_t>(r.best)).id)
                    : boost::json::value(nullptr);
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
    const qa::Reply r = e.reply(question);
    // Written by hand so that the keys keep their order and confidences are plain decimals.
    std::cout << "{\"q\":" << boost::json::serialize(boost::json::value(question));
    if (r.own_case) {
      std::cout << ",\"id\":null,\"confidence\":" << decimal(1 - r.own_case_p)
                << ",\"related\":[],\"own_case\":true}\n";
      return;
    }
    const qa::Ranking& first = r.asks.front();
    std::cout << ",\"id\":" << boost::json::serialize(id_of(e, first))
              << ",\"confidence\":" << decimal(first.confidence)
              << ",\"related\":" << boost::json::serialize(related_ids(e, first));
    if (r.asks.size() > 1) {
      std::cout << ",\"asks\":[";
      for (std::size_t i = 0; i < r.asks.size(); ++i)
        std::cout << (i ? "," : "") << "{\"id\":" << boost::json::serialize(id_of(e, r.asks[i]))
                  << ",\"confidence\":" << decimal(r.asks[i].confidence) << "}";
      std::cout << "]";
    }
    std::cout << "}\n";
  });
  return 0;
}

void print_ranking(const qa::Engine& e, const qa::Ranking& r) {
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

void print_one(const qa::Engine& e, const std::string& question, bool json) {
  const qa::Reply r = e.reply(question);
  if (json) {
    boost::json::object o;
    o["own_case"] = r.own_case;
    boost::json::array asks;
    for (const auto& a : r.asks) {
      boost::json::object x;
      x["answered"] = a.answered;
      if (a.answered) {
        const auto& en = e.entry(static_cast<uint32_t>(a.best));
        x["id"] = en.id;
        x["question"] = en.question;
        x["answer"] = en.answer;
        x["legal_basis"] = en.legal_basis;
      } else {
        x["message"] = qa::handoff_message();
      }
      x["confidence"] = a.confidence;
      x["related"] = related_ids(e, a);
      asks.push_back(std::move(x));
    }
    o["asks"] = std::move(asks);
    if (r.own_case) o["message"] = qa::own_case_message();
    std::cout << boost::json::serialize(o) << '\n';
    return;
  }
  if (r.own_case) {
    std::cout << qa::own_case_message() << "\n";
    return;
  }
  for (std::size_t i = 0; i < r.asks.size(); ++i) {
    if (r.asks.size() > 1)
      std::cout << (i ? "\n" : "") << "Ý hỏi " << i + 1 << ": " << r.asks[i].text << "\n";
    print_ranking(e, r.asks[i]);
  }
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
