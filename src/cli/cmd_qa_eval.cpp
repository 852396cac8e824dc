// cli/cmd_qa_eval.cpp — `caunoi qa-eval [--kb FILE] [--set FILE]`: the engine's decisions on a
// labelled question set (right decisions, top-1 on answerable questions, hand-offs, own-case
// requests answered from the bank, letters, out-of-scope rejection, latency), per split and
// style. --fit refits the confidence model on the --tune files and prints its weights; the other
// options switch parts of the engine, for the measurements in docs/qa-evaluation.md.
#include <cstdio>
#include <iostream>

#include "app/bootstrap.h"
#include "cli/commands.h"
#include "qa/evaluate.h"

namespace caunoi::cli {
namespace {

struct EvalArgs {
  std::string kb, set, mode = "bigram";
  std::vector<std::string> tune;
  bool fit = false, no_repair = false, misses = false;
  double rerank = -1, max_df = 0, learned = -1, temperature = 0, own_case = -1, threshold = -1;
};

void print(const char* name, const qa::EvalSummary& s) {
  std::printf("%s\n", name);
  std::printf("  right decisions                %6.1f%%  (%d/%d)\n", 100 * s.decisions(), s.right,
              s.total);
  std::printf("  handed to a person             %6.1f%%  (%d/%d)\n",
              s.total ? 100.0 * s.handed_off / s.total : 0.0, s.handed_off, s.total);
  std::printf("  own-case requests answered     %6.1f%%  (%d/%d; %d flagged as own-case)\n",
              100 * s.own_case_answered(), s.own_cases_answered, s.own_cases, s.own_cases_flagged);
  if (s.letters)
    std::printf("  letters, every ask right       %6.1f%%  (%d/%d)\n",
                100.0 * s.letters_right / s.letters, s.letters_right, s.letters);
  std::printf("  top-1 (answered and right)     %6.1f%%  (%d/%d)\n", 100 * s.top1(), s.correct,
              s.in_scope);
  std::printf("  top-1 of the ranking alone     %6.1f%%  (%d/%d)\n", 100 * s.ranked_top1(),
              s.ranked_correct, s.in_scope);
  std::printf("  unaccented questions           %6.1f%%  (%d/%d)\n", 100 * s.unaccented_top1(),
              s.unaccented_correct, s.unaccented);
  std::printf("  no answer where null expected  %6.1f%%  (%d/%d)\n", 100 * s.rejection(),
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
  cmd->add_option("--learned-share", a.learned, "Tỷ trọng của mô hình học trong xếp hạng (0–1)");
  cmd->add_option("--temperature", a.temperature, "Nhiệt độ softmax của mô hình học");
  cmd->add_option("--own-case-threshold", a.own_case,
                  "Ngưỡng xác suất coi là yêu cầu tra cứu hồ sơ cá nhân");
  cmd->add_option("--threshold", a.threshold, "Ngưỡng độ tin cậy để trả lời");
  cmd->add_flag("--fit", a.fit, "Khớp lại mô hình độ tin cậy trên các tệp --tune");
  cmd->add_option("--tune", a.tune,
                  "Tệp thêm vào phần điều chỉnh của data/qa/testset.jsonl khi khớp");
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
    if (a.learned >= 0) opt.learned_share = a.learned;
    if (a.temperature > 0) opt.temperature = a.temperature;
    if (a.own_case >= 0) opt.own_case_threshold = a.own_case;
    if (a.threshold >= 0) opt.threshold = a.threshold;
    auto engine = qa::load_engine(kb, paths.data_dir, opt);
    const auto items = qa::load_eval_set(set);
    if (a.fit) {
      // The tuning split of testset.jsonl, plus every line of the --tune files.
      auto tuning =
          qa::select(qa::load_eval_set(paths.data_dir / "qa" / "testset.jsonl"), qa::Split::tune);
      for (const auto& f : a.tune)
        for (auto& it : qa::load_eval_set(f)) tuning.push_back(std::move(it));
      const auto w = qa::fit_calibration(*engine, tuning);
      std::printf("calibration = {");
      for (std::size_t k = 0; k < w.size(); ++k) std::printf(k ? ", %.3f" : "%.3f", w[k]);
      std::printf("}  (%zu questions)\n", tuning.size());
      opt.calibration = w;
      engine = qa::load_engine(kb, paths.data_dir, opt);
    }
    auto sys = qa::engine_system(*engine);
    auto show = [&](const qa::EvalItem& it, const qa::Prediction& p) {
      const bool ok = it.expected ? p.answered == it.expected : !p.answered;
      if (!a.misses || ok) return;
      std::printf("MISS line %ld [%s] %s\n   expected %s, answered %s, ranked %s, conf %.2f%s\n",
                  it.line, it.style.c_str(), it.q.c_str(), it.expected.value_or("null").c_str(),
                  p.answered.value_or("null").c_str(), p.ranked_first.value_or("null").c_str(),
                  p.confidence, p.own_case ? " (own-case)" : "");
    };
    std::printf("caunoi qa-eval: %zu entries, %zu questions, terms %s, repair %s\n",
                engine->entries().size(), items.size(), a.mode.c_str(), a.no_repair ? "off" : "on");
    print("all questions", qa::evaluate(items, sys, show));
    if (!a.set.empty()) {  // splits are a property of the project's own testset.jsonl
      exit_code = 0;
      return;
    }
    print("tuning split (3 of 4 lines)", qa::evaluate(qa::select(items, qa::Split::tune), sys));
    print("held-out split (every 4th line)",
          qa::evaluate(qa::select(items, qa::Split::held_out), sys));
    exit_code = 0;
  });
}

}  // namespace caunoi::cli
