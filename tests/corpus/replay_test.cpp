// Replays one hostile file of tests/corpus/files through the whole load path
// (fuzz/load_pipeline.hpp: GDAL -> core types -> the renderer's CPU buffers)
// and checks what must hold for any input: it returns (ctest's TIMEOUT
// bounds the time), within a bounded memory, without a crash or sanitizer
// report, and every message is one line naming the file. What is known of a
// file's outcome (features loaded, words in a message) is in
// tests/corpus/expectations.json. Loading writes nothing beside the file.
// ctest runs one process per file:
//   pamir_corpus_tests FILE
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <clocale>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "load_pipeline.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define PAMIR_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PAMIR_ASAN 1
#endif
#endif

namespace {

std::string g_file;  // set by main from the command line

// Peak resident memory any file may take to load and prepare.
constexpr long kMaxRssBytes = 2L << 30;

std::string baseName(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

nlohmann::json expectationsFor(const std::string& name) {
  std::ifstream in(std::string(PAMIR_CORPUS_DIR) + "/expectations.json");
  nlohmann::json all = nlohmann::json::parse(in);
  return all["files"].contains(name) ? all["files"][name] : nlohmann::json::object();
}

// Everything written to stderr (fd 2, where GDAL and PROJ print) while alive.
class StderrCapture {
 public:
  StderrCapture() : file_(std::tmpfile()), saved_(dup(2)) {
    std::fflush(stderr);
    dup2(fileno(file_), 2);
  }
  ~StderrCapture() { restore(); }
  std::string restore() {
    if (saved_ < 0) return text_;
    std::fflush(stderr);
    dup2(saved_, 2);
    close(saved_);
    saved_ = -1;
    std::rewind(file_);
    for (int c; (c = std::fgetc(file_)) != EOF;) text_.push_back(static_cast<char>(c));
    std::fclose(file_);
    return text_;
  }

 private:
  std::FILE* file_;
  int saved_;
  std::string text_;
};

// Every entry of the file's folder with its size and time of last change.
std::map<std::string, std::pair<uintmax_t, std::filesystem::file_time_type>> folderState(const std::string& file) {
  std::map<std::string, std::pair<uintmax_t, std::filesystem::file_time_type>> state;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(file).parent_path()))
    state[e.path().filename().string()] = {e.file_size(), e.last_write_time()};
  return state;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

TEST(Corpus, LoadsWithinBoundsAndEveryMessageNamesTheFile) {
  ASSERT_FALSE(g_file.empty()) << "usage: pamir_corpus_tests FILE";
  const std::string name = baseName(g_file);
  const nlohmann::json expect = expectationsFor(name);
  if (expect.contains("skip")) GTEST_SKIP() << expect["skip"].get<std::string>();

  pamir::Diagnostics diag;
  pamir::fuzz::PipelineResult result;
  std::string stray;
  const auto before = folderState(g_file);
  {
    StderrCapture capture;
    result = pamir::fuzz::loadAndPrepare(g_file, diag);
    stray = capture.restore();
  }
  std::fputs(stray.c_str(), stderr);
  // Opening a file must not write beside it (GDAL's GML reader would, a .gfs).
  EXPECT_TRUE(folderState(g_file) == before) << "loading changed the folder of " << name;
  std::ostringstream report;
  diag.print(report);
  std::printf("%s: %zu layers, %zu features (%zu drawable, %zu triangles), %zu rasters\n%s", name.c_str(),
              result.layers, result.features, result.drawable, result.triangles, result.rasters, report.str().c_str());

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  EXPECT_LT(usage.ru_maxrss * 1024L, kMaxRssBytes) << "peak resident memory";

  for (const pamir::Diagnostic& d : diag.all()) {
    const std::string line = d.line();
    EXPECT_EQ(line.find_first_of("\n\r"), std::string::npos) << "a message spans lines: " << line;
    EXPECT_NE(line.find(name), std::string::npos) << "a message does not name the file: " << line;
  }
  if (!expect.value("strayStderr", false)) {
    for (const std::string& l : lines(stray))
      EXPECT_NE(l.find(name), std::string::npos) << "printed without naming the file: " << l;
  }

  // A count absent from the entry is not checked.
  auto expectCount = [&](const char* key, size_t actual) {
    if (expect.contains(key)) {
      EXPECT_EQ(actual, expect[key].get<size_t>()) << key << "\n" << report.str();
    }
  };
  expectCount("layers", result.layers);
  expectCount("features", result.features);
  expectCount("drawable", result.drawable);
  expectCount("rasters", result.rasters);
  if (expect.contains("errors")) {
    EXPECT_EQ(diag.errorCount() > 0, expect["errors"].get<bool>()) << report.str();
  }
  for (const auto& word : expect.value("messages", nlohmann::json::array())) {
    const std::string w = word.get<std::string>();
    const bool found = std::any_of(diag.all().begin(), diag.all().end(),
                                   [&](const pamir::Diagnostic& d) { return d.line().find(w) != std::string::npos; });
    EXPECT_TRUE(found) << "no message contains '" << w << "':\n" << report.str();
  }
}

}  // namespace

int main(int argc, char** argv) {
  // The user's locale, as tests/support/test_main.cpp: decimal commas must not matter.
  if (!std::setlocale(LC_ALL, "de_DE.UTF-8")) std::setlocale(LC_ALL, "");
  testing::InitGoogleTest(&argc, argv);
  if (argc > 1) g_file = argv[1];
#ifndef PAMIR_ASAN
  // A hard ceiling too, so a runaway allocation fails here instead of taking
  // the machine (AddressSanitizer reserves terabytes of address space, so
  // there only the peak resident size above is checked).
  const rlimit limit{4UL << 30, 4UL << 30};
  setrlimit(RLIMIT_AS, &limit);
#endif
  return RUN_ALL_TESTS();
}
