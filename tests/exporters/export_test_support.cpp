// export_test_support.cpp — unzip, sheet XML reading, Markdown unescaping and the export study.
#include "exporters/export_test_support.hpp"

#include <pugixml.hpp>
#include <zip.h>

#include <algorithm>
#include <stdexcept>

#include "core/model/cases.hpp"
#include "core/model/coders.hpp"
#include "core/model/codes.hpp"
#include "core/model/codings.hpp"
#include "core/model/documents.hpp"
#include "core/model/memos.hpp"
#include "core/text/utf8_text.hpp"

namespace npt::test {
namespace fs = std::filesystem;

const std::string kTrickyTranscript =
    "Interviewer: Tell me about the hub.\n"
    "P01: Well, it was \"safe\", honestly, a place to say anything.\n"
    "And then, on a new line, the manager said: yes, go.\n"
    "P01: Emoji time 👍🏽👩🏽‍⚕️ and Arabic: مرحبا بالجميع, and Hebrew: שלום עליכם.\n"
    "P01: Markdown hazards | pipes | *stars* _under_ <tags> & [brackets] #hash `tick` \\ slash.\n";

std::string unzip_entry(const fs::path& zip, const std::string& entry) {
    int error = 0;
    zip_t* archive = zip_open(zip.c_str(), ZIP_RDONLY, &error);
    if (!archive) throw std::runtime_error(zip.string() + ": not a zip file");
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(archive, entry.c_str(), 0, &st) != 0) {
        zip_close(archive);
        throw std::runtime_error(zip.string() + ": no entry " + entry);
    }
    zip_file_t* file = zip_fopen(archive, entry.c_str(), 0);
    std::string bytes(static_cast<std::size_t>(st.size), '\0');
    zip_int64_t n = file ? zip_fread(file, bytes.data(), st.size) : -1;
    if (file) zip_fclose(file);
    zip_close(archive);
    if (n != static_cast<zip_int64_t>(st.size)) throw std::runtime_error(zip.string() + ": cannot read " + entry);
    return bytes;
}

std::vector<std::string> zip_entries(const fs::path& zip) {
    int error = 0;
    zip_t* archive = zip_open(zip.c_str(), ZIP_RDONLY, &error);
    if (!archive) throw std::runtime_error(zip.string() + ": not a zip file");
    std::vector<std::string> out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) out.push_back(zip_get_name(archive, static_cast<zip_uint64_t>(i), 0));
    zip_close(archive);
    return out;
}

static std::vector<std::string> shared_strings(const fs::path& xlsx) {
    std::vector<std::string> out;
    auto entries = zip_entries(xlsx);
    if (std::find(entries.begin(), entries.end(), "xl/sharedStrings.xml") == entries.end()) return out;
    std::string xml = unzip_entry(xlsx, "xl/sharedStrings.xml");
    pugi::xml_document doc;
    doc.load_buffer(xml.data(), xml.size());
    for (pugi::xml_node si : doc.child("sst").children("si")) {
        std::string text;
        for (const pugi::xpath_node& t : si.select_nodes(".//t")) text += t.node().text().get();
        out.push_back(text);
    }
    return out;
}

std::vector<std::vector<XlsxCell>> read_sheet(const fs::path& xlsx, int sheet) {
    std::string xml = unzip_entry(xlsx, "xl/worksheets/sheet" + std::to_string(sheet) + ".xml");
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single))
        throw std::runtime_error("sheet XML does not parse");
    std::vector<std::string> shared = shared_strings(xlsx);
    std::vector<std::vector<XlsxCell>> grid;
    for (pugi::xml_node row : doc.child("worksheet").child("sheetData").children("row")) {
        std::size_t r = row.attribute("r").as_uint() - 1;
        if (grid.size() <= r) grid.resize(r + 1);
        for (pugi::xml_node c : row.children("c")) {
            std::string ref = c.attribute("r").value();
            std::size_t col = 0;
            for (char ch : ref) {
                if (ch < 'A' || ch > 'Z') break;
                col = col * 26 + static_cast<std::size_t>(ch - 'A' + 1);
            }
            col -= 1;
            if (grid[r].size() <= col) grid[r].resize(col + 1);
            XlsxCell& cell = grid[r][col];
            cell.style = c.attribute("s").as_int();
            std::string type = c.attribute("t").value();
            if (type == "inlineStr") {
                for (pugi::xml_node t : c.child("is").children("t")) cell.text += t.text().get();
            } else if (type == "s") {
                cell.text = shared.at(c.child("v").text().as_uint());
            } else if (c.child("v")) {
                cell.text = c.child("v").text().get();
                cell.number = true;
            }
        }
    }
    return grid;
}

std::vector<std::vector<std::string>> sheet_text(const fs::path& xlsx, int sheet) {
    std::vector<std::vector<std::string>> out;
    auto cells = read_sheet(xlsx, sheet);
    std::size_t width = cells.empty() ? 0 : cells[0].size();  // empty cells are not written: pad to the header
    for (auto& row : cells) {
        out.emplace_back();
        for (auto& c : row) out.back().push_back(c.text);
        if (out.back().size() < width) out.back().resize(width);
    }
    return out;
}

static pugi::xml_node cell_xf(pugi::xml_document& doc, const fs::path& xlsx, int style) {
    std::string xml = unzip_entry(xlsx, "xl/styles.xml");
    doc.load_buffer(xml.data(), xml.size());
    int i = 0;
    for (pugi::xml_node xf : doc.child("styleSheet").child("cellXfs").children("xf"))
        if (i++ == style) return xf;
    return {};
}

std::string style_fill(const fs::path& xlsx, int style) {
    pugi::xml_document doc;
    pugi::xml_node xf = cell_xf(doc, xlsx, style);
    if (!xf) return "";
    int fill_id = xf.attribute("fillId").as_int(), i = 0;
    for (pugi::xml_node fill : doc.child("styleSheet").child("fills").children("fill"))
        if (i++ == fill_id) {
            pugi::xml_node pattern = fill.child("patternFill");
            if (std::string(pattern.attribute("patternType").value()) != "solid") return "";
            std::string rgb = pattern.child("fgColor").attribute("rgb").value();
            return rgb.size() == 8 ? rgb.substr(2) : rgb;
        }
    return "";
}

bool style_wraps(const fs::path& xlsx, int style) {
    pugi::xml_document doc;
    pugi::xml_node xf = cell_xf(doc, xlsx, style);
    return xf && xf.child("alignment").attribute("wrapText").as_bool();
}

std::string unescape_markdown_cell(const std::string& cell) {
    std::string lines;
    for (std::size_t i = 0; i < cell.size();) {
        if (cell.compare(i, 4, "<br>") == 0) {
            lines += '\n';
            i += 4;
        } else {
            lines += cell[i++];
        }
    }
    std::string out;
    for (std::size_t i = 0; i < lines.size();) {
        if (lines[i] == '\\' && i + 1 < lines.size()) {
            out += lines[i + 1];
            i += 2;
        } else if (lines.compare(i, 5, "&amp;") == 0) {
            out += '&';
            i += 5;
        } else if (lines.compare(i, 4, "&lt;") == 0) {
            out += '<';
            i += 4;
        } else if (lines.compare(i, 4, "&gt;") == 0) {
            out += '>';
            i += 4;
        } else {
            out += lines[i++];
        }
    }
    return out;
}

std::vector<std::string> markdown_row(const std::string& line) {
    std::vector<std::string> raw;
    std::string current;
    bool started = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            current += line[i];
            current += line[++i];
        } else if (line[i] == '|') {
            if (started) raw.push_back(current);
            started = true;
            current.clear();
        } else {
            current += line[i];
        }
    }
    std::vector<std::string> out;
    for (std::string& c : raw) {
        if (!c.empty() && c.front() == ' ') c.erase(0, 1);
        if (!c.empty() && c.back() == ' ') c.pop_back();
        out.push_back(unescape_markdown_cell(c));
    }
    return out;
}

Project make_export_study(const fs::path& dir) {
    Project p = Project::create(dir / "study.nptq", "Export study");
    p.action("Build export study", [&] {
        // Speaker turns with media times on the tricky transcript: one per line.
        std::vector<SpeakerTurn> turns;
        std::int64_t pos = 0, ms = 0;
        std::size_t start = 0;
        for (std::size_t i = 0; i < kTrickyTranscript.size(); ++i)
            if (kTrickyTranscript[i] == '\n') {
                std::string line = kTrickyTranscript.substr(start, i - start);
                auto len = static_cast<std::int64_t>(text::count_code_points(line));
                std::string speaker = line.rfind("Interviewer", 0) == 0 ? "Interviewer" : line.rfind("P01", 0) == 0 ? "P01" : "";
                if (!speaker.empty()) turns.push_back({pos, pos + len, speaker, ms, ms + 5000});
                pos += len + 1;
                ms += 61000;
                start = i + 1;
            }
        DocumentId d1 = add_document(p, {"p01, first.txt", kTrickyTranscript, "p01.txt", "text", "", turns}).id;
        DocumentId d2 = add_document(p, {"p02.txt", "Staff view: the rota \"worked\",\nmostly.\nWaiting times were long 😞.", "p02.txt", "text", "", {}}).id;
        for (const char* path : {"Coherence/Differentiation", "Coherence/Internalisation", "Cognitive participation/Legitimation",
                                 "Collective action/Skill set workability", "Reflexive monitoring", "Inductive/Waiting times"})
            ensure_code(p, path);
        CoderId amira = add_coder(p, "Amira").id;
        CoderId ben = add_coder(p, "Ben").id;
        Attribute group = ensure_attribute(p, "group", AttributeType::Text);
        Attribute site = ensure_attribute(p, "site", AttributeType::Text);
        Case p01 = ensure_case(p, "P01"), p02 = ensure_case(p, "P02");
        ensure_case(p, "P03");
        set_case_value(p, p01.id, group.id, "Hub client");
        set_case_value(p, p01.id, site.id, "North");
        set_case_value(p, p02.id, group.id, "Hub staff");
        set_case_value(p, p02.id, site.id, "South, East");
        link_document_to_case(p, d1, p01.id);
        link_document_to_case(p, d2, p02.id);

        std::string text = kTrickyTranscript;
        text::CodePointIndex index(text);
        auto find = [&](const std::string& needle) {
            std::size_t byte = text.find(needle);
            return static_cast<std::int64_t>(index.code_point_at(byte));
        };
        auto span = [&](const std::string& from, const std::string& to) {
            std::int64_t s = find(from);
            std::int64_t e = find(to) + static_cast<std::int64_t>(text::count_code_points(to));
            return Span{s, e};
        };
        auto code = [&](const char* path) { return require_code(p, path).id; };
        // Commas, quotes and a newline inside one quote.
        Coding c1 = apply_coding(p, d1, code("Coherence/Differentiation"), amira, span("Well, it was", "said: yes, go."));
        add_memo(p, MemoTarget::Coding, c1.id, "Memo with, commas and \"quotes\"\nand a second line.");
        // Emoji and right-to-left scripts.
        apply_coding(p, d1, code("Cognitive participation/Legitimation"), amira, span("Emoji time", "שלום עליכם."));
        apply_coding(p, d1, code("Cognitive participation/Legitimation"), ben, span("Emoji time", "שלום עליכם."));
        // Markdown and HTML hazards.
        apply_coding(p, d1, code("Reflexive monitoring"), ben, span("Markdown hazards", "\\ slash."));
        // The whole of p02's text, for P02.
        apply_coding(p, d2, code("Collective action/Skill set workability"), amira, {0, 38});
        apply_coding(p, d2, code("Inductive/Waiting times"), ben, {39, 65});
        apply_coding(p, d2, code("Coherence/Internalisation"), ben, {12, 20});
    });
    return p;
}

}  // namespace npt::test
