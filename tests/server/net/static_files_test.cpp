// Static file resolution: what a request path may name under the web root, and content types.
#include "net/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

namespace galaxy::server {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

// A web root with a few files, next to a file outside it that links try to reach.
class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        base_ = fs::temp_directory_path() /
                ("galaxy_static_" + std::to_string(::getpid()) + "_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(base_);
        root_ = base_ / "web";
        write_file(root_ / "index.html", "<h1>home</h1>");
        write_file(root_ / "sub" / "index.html", "<h1>sub</h1>");
        write_file(root_ / "a b.txt", "spaced");
        write_file(root_ / ".env", "SECRET=1");
        write_file(base_ / "outside.txt", "outside");
    }
    void TearDown() override { fs::remove_all(base_); }

    fs::path base_;
    fs::path root_;
};

TEST_F(StaticFilesTest, RootServesIndexHtml) {
    const StaticFile file = StaticFiles(root_.string()).load("/");
    ASSERT_EQ(file.status, StaticStatus::Ok);
    EXPECT_EQ(file.body, "<h1>home</h1>");
    EXPECT_EQ(file.content_type, "text/html; charset=utf-8");
}

TEST_F(StaticFilesTest, DirectoryWithSlashServesItsIndex) {
    const StaticFile file = StaticFiles(root_.string()).load("/sub/");
    ASSERT_EQ(file.status, StaticStatus::Ok);
    EXPECT_EQ(file.body, "<h1>sub</h1>");
}

TEST_F(StaticFilesTest, DirectoryWithoutSlashRedirectsToIt) {
    const StaticFile file = StaticFiles(root_.string()).load("/sub");
    ASSERT_EQ(file.status, StaticStatus::Redirect);
    EXPECT_EQ(file.location, "/sub/");
}

TEST_F(StaticFilesTest, PercentEscapesAreDecoded) {
    const StaticFile file = StaticFiles(root_.string()).load("/a%20b.txt");
    ASSERT_EQ(file.status, StaticStatus::Ok);
    EXPECT_EQ(file.body, "spaced");
}

TEST_F(StaticFilesTest, MissingFileIsNotFound) {
    EXPECT_EQ(StaticFiles(root_.string()).load("/nope.js").status, StaticStatus::NotFound);
    EXPECT_EQ(StaticFiles(root_.string()).load("/admin/").status, StaticStatus::NotFound);
}

TEST_F(StaticFilesTest, MissingRootServesNothing) {
    EXPECT_EQ(StaticFiles((base_ / "absent").string()).load("/").status, StaticStatus::NotFound);
}

TEST_F(StaticFilesTest, DotfilesAreHidden) {
    EXPECT_EQ(StaticFiles(root_.string()).load("/.env").status, StaticStatus::NotFound);
    EXPECT_EQ(StaticFiles(root_.string()).load("/%2eenv").status, StaticStatus::NotFound);
}

TEST_F(StaticFilesTest, TraversalAndMalformedPathsAreRefused) {
    const StaticFiles files(root_.string());
    const std::vector<std::string> bad = {
        "/../outside.txt",            // parent segment
        "/sub/../../outside.txt",     // parent after a real directory
        "/%2e%2e/outside.txt",        // escaped parent
        "/%2E%2E%2Foutside.txt",      // escaped parent and slash
        "/..%2foutside.txt",          // escaped slash joining segments
        "/./index.html",              // current-directory segment
        "/sub\\..\\..\\outside.txt",  // backslashes
        "/index.html%00.png",         // NUL
        "/%zz",                       // bad escape
        "/%2",                        // truncated escape
        "index.html",                 // not absolute
        "",                           // empty
    };
    for (const std::string& path : bad) {
        EXPECT_EQ(files.load(path).status, StaticStatus::BadPath) << path;
    }
}

TEST_F(StaticFilesTest, SymlinkLeadingOutOfRootIsNotFound) {
    fs::create_symlink(base_ / "outside.txt", root_ / "escape.txt");
    fs::create_directory_symlink(base_, root_ / "up");
    const StaticFiles files(root_.string());
    EXPECT_EQ(files.load("/escape.txt").status, StaticStatus::NotFound);
    EXPECT_EQ(files.load("/up/outside.txt").status, StaticStatus::NotFound);
}

TEST_F(StaticFilesTest, SymlinkInsideRootIsServed) {
    fs::create_symlink(root_ / "index.html", root_ / "home.html");
    const StaticFile file = StaticFiles(root_.string()).load("/home.html");
    ASSERT_EQ(file.status, StaticStatus::Ok);
    EXPECT_EQ(file.body, "<h1>home</h1>");
}

TEST_F(StaticFilesTest, RootNamedThroughSymlinkStillServes) {
    fs::create_directory_symlink(root_, base_ / "web-link");
    EXPECT_EQ(StaticFiles((base_ / "web-link").string()).load("/").status, StaticStatus::Ok);
}

TEST_F(StaticFilesTest, SiblingDirectoryWithRootAsPrefixIsOutside) {
    // "/web-private" starts with "/web" as a string but is not inside it.
    write_file(base_ / "web-private" / "key.txt", "private");
    fs::create_symlink(base_ / "web-private" / "key.txt", root_ / "key.txt");
    EXPECT_EQ(StaticFiles(root_.string()).load("/key.txt").status, StaticStatus::NotFound);
}

TEST(ContentType, KnownExtensionsHaveTheirTypes) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"html", "text/html; charset=utf-8"},
        {"js", "text/javascript; charset=utf-8"},
        {"css", "text/css; charset=utf-8"},
        {"wasm", "application/wasm"},
        {"png", "image/png"},
        {"svg", "image/svg+xml"},
        {"json", "application/json"},
        {"ico", "image/x-icon"},
        {"WASM", "application/wasm"},
        {"bin", "application/octet-stream"},
        {"", "application/octet-stream"},
    };
    for (const auto& [extension, type] : cases) {
        EXPECT_EQ(content_type_for(extension), type) << extension;
    }
}

TEST(SplitUrlPath, SkipsEmptySegmentsAndDecodes) {
    std::vector<std::string> segments;
    ASSERT_TRUE(split_url_path("//js///app%2Ejs", &segments));
    EXPECT_EQ(segments, (std::vector<std::string>{"js", "app.js"}));
    ASSERT_TRUE(split_url_path("/", &segments));
    EXPECT_TRUE(segments.empty());
}

}  // namespace
}  // namespace galaxy::server
