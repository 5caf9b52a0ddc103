// The PDF report read back with poppler: its pages, its text, and the map on
// its first page.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "figure/report_pdf.hpp"
#include "render/image.hpp"
#include "support/shell_command.hpp"

namespace {

using pamir::figure::Report;
using pamir::figure::Table;
using pamir::render::Image;
using pamir::test::runShell;

const std::string kBase = std::string(PAMIR_TEST_OUT_DIR) + "/report_pdf/";

Image red(int w, int h) {
  Image im;
  im.width = w;
  im.height = h;
  im.rgba.assign(static_cast<size_t>(w) * h * 4, 255);
  for (size_t i = 0; i < im.rgba.size(); i += 4) im.rgba[i + 1] = im.rgba[i + 2] = 0;
  return im;
}

Report sample(int rows) {
  Report r;
  r.title = "Wakhan briefing";
  r.lines = {"View CRS: WGS 84", "Filters: years 2016..2021"};
  Table m;
  m.title = "Measurements";
  m.header = {"name", "kind", "geodesic"};
  m.rows = {{"Murghab – Shaymak", "line", "142.3 km"}};
  m.note = "Distances: geodesic (Karney) on WGS84 via PROJ.";
  Table f;
  f.title = "Curated features in view";
  f.header = {"name", "source"};
  for (int i = 0; i < rows; ++i) f.rows.push_back({"site " + std::to_string(i), "source " + std::to_string(i)});
  r.tables = {m, f};
  return r;
}

// A folder of each test's own: ctest runs them side by side.
class ReportPdf : public testing::Test {
 protected:
  void SetUp() override {
    out_ = kBase + testing::UnitTest::GetInstance()->current_test_info()->name() + "/";
    std::filesystem::remove_all(out_);
    std::filesystem::create_directories(out_);
  }
  std::string out_;
};

TEST_F(ReportPdf, PagesTextAndMapReadBack) {
  const std::string pdf = out_ + "report.pdf";
  std::string err;
  ASSERT_TRUE(pamir::figure::writeReportPdf(pdf, red(1200, 700), sample(120), &err)) << err;
  // A map page, the measurements, and 120 feature rows over more than one page.
  const auto info = runShell("pdfinfo '" + pdf + "' 2>&1");
  ASSERT_EQ(info.status, 0) << info.out;
  EXPECT_NE(info.out.find("Title:           Wakhan briefing"), std::string::npos) << info.out;
  const size_t at = info.out.find("Pages:");
  ASSERT_NE(at, std::string::npos);
  const int pages = std::stoi(info.out.substr(at + 6));
  EXPECT_GE(pages, 4);
  EXPECT_LE(pages, 6);
  const auto text = runShell("pdftotext -layout '" + pdf + "' - 2>&1");
  ASSERT_EQ(text.status, 0);
  for (const char* s :
       {"Wakhan briefing", "Filters: years 2016..2021", "Murghab – Shaymak", "142.3 km", "geodesic (Karney) on WGS84",
        "Curated features in view (continued)", "site 0", "site 119", "source 119"})
    EXPECT_NE(text.out.find(s), std::string::npos) << s;
  // Every row once: the header repeats, the rows do not.
  size_t n = 0;
  for (size_t p = text.out.find("site 7 "); p != std::string::npos; p = text.out.find("site 7 ", p + 1)) ++n;
  EXPECT_EQ(n, 1u);
  // Page 1 shows the map: red over most of the area under the title.
  ASSERT_EQ(runShell("pdftoppm -r 40 -f 1 -l 1 -png '" + pdf + "' '" + out_ + "page' 2>&1").status, 0);
  std::string why;
  auto page = pamir::render::readPng(out_ + "page-1.png", &why);
  ASSERT_TRUE(page) << why;
  int redPixels = 0;
  for (int y = 0; y < page->height; ++y)
    for (int x = 0; x < page->width; ++x) {
      const uint8_t* p = page->pixel(x, y);
      redPixels += p[0] > 200 && p[1] < 60 && p[2] < 60;
    }
  // A4 landscape at 40 dpi is 468 × 331 px; the map fills the width between margins.
  EXPECT_GT(redPixels, page->width * page->height / 3);
}

TEST_F(ReportPdf, UnwritableFolderFailsAndLeavesNothing) {
  std::string err;
  EXPECT_FALSE(pamir::figure::writeReportPdf(out_ + "no/such/folder/r.pdf", red(10, 10), sample(1), &err));
  EXPECT_NE(err.find("no/such/folder/r.pdf"), std::string::npos) << err;
  EXPECT_FALSE(std::filesystem::exists(out_ + "no"));
}

TEST_F(ReportPdf, AnExistingReportIsReplacedWhole) {
  const std::string pdf = out_ + "again.pdf";
  { std::ofstream(pdf) << "an older report"; }
  std::string err;
  ASSERT_TRUE(pamir::figure::writeReportPdf(pdf, red(100, 60), sample(3), &err)) << err;
  std::ifstream in(pdf, std::ios::binary);
  std::string head(5, '\0');
  in.read(head.data(), 5);
  EXPECT_EQ(head, "%PDF-");
  for (const auto& e : std::filesystem::directory_iterator(out_))
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
}

}  // namespace
