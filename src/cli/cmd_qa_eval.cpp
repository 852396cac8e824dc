// cli/cmd_qa_eval.cpp — `caunoi qa-eval [--kb FILE] [--set FILE]`: the engine's accuracy on the
// project's question set (top-1, unaccented questions, out-of-scope rejection, latency), per
// split and style. --fit refits the confidence model on the tuning split and prints its weights;
// --mode and --no-repair switch the term model and the typo repair, for the measurements in
// docs/qa-evaluation.md.
#include <cstdio>
#include <iostream>

#include "app/bootstrap.h"
#include "cli/commands.h"
#include "qa/evaluate.h"

namespace caunoi::cli {
namespace {

struct EvalArgs {
  std::string kb, set, mode = "bigram";
  bool fit = false, no_repair = false, misses = false;
  double rerank = -1, max_df = 0;
};

void print(const char* name, const qa::EvalSummary& s) {
  std::printf("%s\n", name);
  std::printf("  top-1 (answered and right)     %6.1f%%  (%d/%d)\n", 100 * s.top1(), s.correct,
              s.in_scope);
  std::printf("  top-1 of the ranking alone     %6.1f%%  (%d/%d)\n", 100 * s.ranked_top1(),
              s.ranked_correct, s.in_scope);
  std::printf("  unaccented questions           %6.1f%%  (%d/%d)\n", 100 * s.unaccented_top1(),
              s.unaccented_correct, s.unaccented);
  std::printf("  out-of-scope rejected          %6.1f%%  (%d/%d)\n", 100 * s.rejection(),
              s.oos_rejected, s.oos);
  std::printf("  latency mean / p50 / p95       %.1f / %.1f / %.1f µs\n", s.mean_micros,
              s.p50_micros, s.p95_micros);
  std::printf("  by style:");
  for (const auto& [style, c] : s.by_style) std::printf(" %s %d/%d", style.c_str(), c[0], c[1]);
  std::printf("\n");
}

}  // namespace

void add_qa_eval(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("qa-eval", "Đánh giá hỏi đáp tự động trên bộ câu hỏi kiểm thử");
  static EvalArgs a;
  cmd->add_option("--kb", a.kb, "Ngân hàng hỏi đáp JSONL (mặc định data/qa/kb.jsonl)");
  cmd->add_option("--set", a.set, "Bộ câu hỏi kiểm thử (mặc định data/qa/testset.jsonl)");
  cmd->add_option("--mode", a.mode, "Khoá chỉ mục: unigram, bigram, dict, both")
      ->check(CLI::IsMember({"unigram", "bigram", "dict", "both"}));
  cmd->add_flag("--no-repair", a.no_repair, "Tắt sửa lỗi gõ Telex và lỗi chính tả");
  cmd->add_option("--rerank", a.rerank,
                  "Trọng số xếp hạng lại theo câu chữ của câu hỏi (mặc định của engine)");
  cmd->add_option("--max-df", a.max_df,
                  "Bỏ qua khi tìm các từ có mặt trong quá tỷ lệ này số mục (0–1)");
  cmd->add_flag("--fit", a.fit, "Khớp lại mô hình độ tin cậy trên phần điều chỉnh");
  cmd->add_flag("--misses", a.misses, "In các câu trả lời sai");
  cmd->callback([&exit_code] {
    const auto paths = app::locate();
    const std::filesystem::path kb =
        a.kb.empty() ? paths.data_dir / "qa" / "kb.jsonl" : std::filesystem::path(a.kb);
    const std::filesystem::path set =
        a.set.empty() ? paths.data_dir / "qa" / "testset.jsonl" : std::filesystem::path(a.set);
    qa::EngineOptions opt;
    opt.analyzer.mode = a.mode == "unigram" ? qa::TermMode::unigram
                        : a.mode == "dict"  ? qa::TermMode::dict
                        : a.mode == "both"  ? qa::TermMode::both
                                            : qa::TermMode::bigram;
    opt.analyzer.repair = !a.no_repair;
    if (a.rerank >= 0) opt.rerank_weight = a.rerank;
    if (a.max_df > 0) opt.index.max_df_share = static_cast<float>(a.max_df);
    auto engine = qa::load_engine(kb, paths.data_dir, opt);
    const auto items = qa::load_eval_set(set);
    if (a.fit) {
      const auto w = qa::fit_calibration(*engine, qa::select(items, qa::Split::tune));
      std::printf("calibration = {%.3f, %.3f, %.3f, %.3f, %.3f}\n", w[0], w[1], w[2], w[3], w[4]);
      opt.calibration = w;
      engine = qa::load_engine(kb, paths.data_dir, opt);
    }
    auto sys = qa::engine_system(*engine);
    auto show = [&](const qa::EvalItem& it, const qa::Prediction& p) {
      const bool ok = it.expected ? p.answered == it.expected : !p.answered;
      if (!a.misses || ok) return;
      std::printf("MISS line %ld [%s] %s\n   expected %s, answered %s, ranked %s, conf %.2f\n",
                  it.line, it.style.c_str(), it.q.c_str(), it.expected.value_or("null").c_str(),
                  p.answered.value_or("null").c_str(), p.ranked_first.value_or("null").c_str(),
                  p.confidence);
    };
    std::printf("caunoi qa-eval: %zu entries, %zu questions, terms %s, repair %s\n",
                engine->entries().size(), items.size(), a.mode.c_str(), a.no_repair ? "off" : "on");
    print("all questions", qa::evaluate(items, sys, show));
    print("tuning split (3 of 4 lines)", qa::evaluate(qa::select(items, qa::Split::tune), sys));
    print("held-out split (every 4th line)",
          qa::evaluate(qa::select(items, qa::Split::held_out), sys));
    exit_code = 0;
  });
}

}  // namespace caunoi::cli
