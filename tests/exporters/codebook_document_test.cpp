// codebook_document_test.cpp — the codebook document (Markdown and HTML): every code with its
// definition, criteria, examples and counts, in tree order, escaped, written atomically.
#include <gtest/gtest.h>

#include "codebook/codebook.hpp"
#include "codebook/codebook_project.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/error.hpp"
#include "exporters/codebook_document.hpp"
#include "support/test_support.hpp"

namespace npt {
namespace {

TEST(CodebookDocument, MarkdownAndHtmlCarryEveryCodeAndItsCounts) {
    test::TempDir dir;
    Project p = Project::create(dir / "d.nptq", "Doc <study>");
    codebook::load_codebook(p, codebook::builtin_codebook("npt"));
    add_document(p, {"a.txt", "one two three four five six", "a.txt", "text", "", {}});
    add_document(p, {"b.txt", "seven eight nine", "b.txt", "text", "", {}});
    apply_codings(p, {{"a.txt", 0, 3, "Coherence/Differentiation", "K", "", ""},
                      {"a.txt", 8, 13, "Coherence/Differentiation", "K", "", ""},
                      {"b.txt", 0, 5, "Coherence/Differentiation", "K", "", ""}});
    exporters::write_codebook_document(p, dir / "cb.md");
    exporters::write_codebook_document(p, dir / "cb.html");
    std::string md = test::read_bytes(dir / "cb.md"), html = test::read_bytes(dir / "cb.html");
    auto cb = codebook::builtin_codebook("npt");
    std::size_t last = 0;
    for (const auto& c : cb.codes) {
        std::string name = split_code_path(c.path).back();
        auto at = md.find("### " + c.path);
        if (c.path.find('/') != std::string::npos) at = md.find("#### " + c.path);
        ASSERT_NE(at, std::string::npos) << c.path;
        EXPECT_GT(at, last) << "tree order: " << c.path;
        last = at;
        EXPECT_NE(html.find("id=\"code-"), std::string::npos);
        EXPECT_NE(html.find(c.colour), std::string::npos) << c.path;
    }
    EXPECT_NE(md.find("- Differentiation (3 codings in 2 documents)"), std::string::npos);
    EXPECT_NE(md.find("**Include when.**"), std::string::npos);
    EXPECT_NE(md.find("## References"), std::string::npos);
    EXPECT_NE(md.find("Implementation Science 2009;4:29"), std::string::npos);
    EXPECT_NE(html.find("Codebook: Doc &lt;study&gt;"), std::string::npos);  // escaped
    EXPECT_EQ(html.find("Doc <study>"), std::string::npos);
    EXPECT_NE(html.find("(3 codings in 2 documents)"), std::string::npos);
    EXPECT_NE(html.find("<blockquote"), std::string::npos);
    EXPECT_THROW(exporters::write_codebook_document(p, dir / "cb.rtf"), InputError);
    EXPECT_FALSE(std::filesystem::exists(dir / "cb.rtf"));
}

}  // namespace
}  // namespace npt
