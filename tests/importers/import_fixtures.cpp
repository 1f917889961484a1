// import_fixtures.cpp — test input builders (see import_fixtures.hpp).
#include "importers/import_fixtures.hpp"

#include <zip.h>

#include <stdexcept>

#include "core/text/utf8_text.hpp"
#include "support/test_support.hpp"

namespace npt::test {

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries, bool store) {
    TempDir dir;
    std::string path = (dir / "archive.zip").string();
    int error = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!z) throw std::runtime_error("zip_open failed");
    for (const auto& [name, content] : entries) {
        zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
        zip_int64_t index = zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (index < 0) {
            zip_source_free(src);
            throw std::runtime_error("zip_file_add failed for " + name);
        }
        zip_set_file_compression(z, static_cast<zip_uint64_t>(index), store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
    }
    if (zip_close(z) != 0) throw std::runtime_error("zip_close failed");
    return read_bytes(path);
}

std::string docx_document_xml(const std::string& body_xml) {
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
           "<w:body>" + body_xml + "<w:sectPr/></w:body></w:document>";
}

std::string docx_paragraph(const std::vector<std::string>& runs) {
    std::string out = "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>";
    for (const std::string& r : runs) out += "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + r + "</w:t></w:r>";
    return out + "</w:p>";
}

std::string make_docx(const std::string& body_xml, const std::vector<std::pair<std::string, std::string>>& extra) {
    std::vector<std::pair<std::string, std::string>> entries = {
        {"[Content_Types].xml",
         R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
         R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
         R"(<Default Extension="xml" ContentType="application/xml"/>)"
         R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)"},
        {"_rels/.rels",
         R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
         R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)"},
        {"word/document.xml", docx_document_xml(body_xml)},
    };
    entries.insert(entries.end(), extra.begin(), extra.end());
    return make_zip(entries);
}

std::string make_pdf(const std::vector<std::vector<std::string>>& pages) {
    // Objects: 1 catalog, 2 pages, 3 font, then per page: page object and content stream.
    std::vector<std::string> objects;
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        std::string stream = "BT /F1 12 Tf 14 TL 72 720 Td\n";
        for (const std::string& line : pages[i]) {
            std::string escaped;
            for (char c : line) {
                if (c == '(' || c == ')' || c == '\\') escaped += '\\';
                escaped += c;
            }
            stream += "(" + escaped + ") Tj T*\n";
        }
        stream += "ET\n";
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                          "/Contents " + std::to_string(5 + 2 * i) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream");
    }
    std::string out = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
        std::string n = std::to_string(off);
        out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) +
           "\n%%EOF\n";
    return out;
}

std::string utf16(const std::string& utf8, bool little_endian, bool bom) {
    std::string out;
    auto put = [&](char16_t u) {
        char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
        if (little_endian) out += {lo, hi};
        else out += {hi, lo};
    };
    if (bom) put(0xFEFF);
    for (char32_t cp : text::to_u32(utf8)) {
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put(static_cast<char16_t>(0xD800 + (cp >> 10)));
            put(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            put(static_cast<char16_t>(cp));
        }
    }
    return out;
}

std::string slice_code_points(const std::string& utf8, std::int64_t start, std::int64_t end) {
    std::u32string all = text::to_u32(utf8);
    if (start < 0 || end < start || end > static_cast<std::int64_t>(all.size())) return "<out of range>";
    return text::to_utf8(all.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
}

std::vector<std::string> describe_turns(const std::string& text, const std::vector<SpeakerTurn>& turns) {
    std::vector<std::string> out;
    for (const SpeakerTurn& t : turns) out.push_back(t.speaker + "|" + slice_code_points(text, t.start, t.end));
    return out;
}

}  // namespace npt::test
