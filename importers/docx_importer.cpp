// docx_importer.cpp — Word .docx transcripts: the main document part read through ZipArchive and
// walked with pugixml. Only the body is text; headers, footers, comments, footnotes and deleted
// tracked changes are left out (and the deletions counted in the import note). The walk is
// recursive, so elements nested deeper than kMaxDocxDepth are refused rather than overflowing the
// stack (Word itself nests a few levels; a hostile 1 KB part can nest 50,000).
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/error.hpp"
#include "importers/formats.hpp"
#include "importers/zip_archive.hpp"

namespace npt::importers {
namespace {

std::string_view local_name(const pugi::xml_node& node) {
    std::string_view name = node.name();
    std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// XML with a document type declaration is refused outright: DOCX parts never carry one, and an
// internal DTD is how entity-expansion attacks begin.
void reject_dtd(const std::string& xml, std::string_view source, const std::string& part) {
    std::string head = xml.substr(0, std::min<std::size_t>(xml.size(), 4096));
    std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::toupper(c); });
    if (head.find("<!DOCTYPE") != std::string::npos || head.find("<!ENTITY") != std::string::npos)
        throw FormatError(std::string(source) + ": " + part + " declares a DTD, which DOCX files never do; refusing it");
}

pugi::xml_document parse_xml(const std::string& xml, std::string_view source, const std::string& part) {
    reject_dtd(xml, source, part);
    pugi::xml_document doc;
    pugi::xml_parse_result ok = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                                                pugi::encoding_auto);
    if (!ok)
        throw FormatError(std::string(source) + ": " + part + " is not well-formed XML (" + ok.description() + " at byte " +
                          std::to_string(ok.offset) + ")");
    return doc;
}

// The main document part named by _rels/.rels, or word/document.xml.
std::string main_part(ZipArchive& zip, std::string_view source) {
    if (auto rels = zip.read("_rels/.rels")) {
        pugi::xml_document doc = parse_xml(*rels, source, "_rels/.rels");
        for (pugi::xml_node rel : doc.document_element().children()) {
            std::string_view type = rel.attribute("Type").value();
            if (!type.ends_with("/officeDocument")) continue;
            std::string target = rel.attribute("Target").value();
            if (!target.empty() && target.front() == '/') target.erase(0, 1);
            if (zip.contains(target)) return target;
        }
    }
    return "word/document.xml";
}

// Deepest nesting of body elements (paragraphs, tables, runs, content controls) the walker follows.
constexpr int kMaxDocxDepth = 256;

class BodyWalker {
public:
    BodyWalker(const ProgressSink* progress, std::string_view source, const std::string& part)
        : progress_(progress), source_(source), part_(part) {}

    // Block-level content (body, table cell, content control): paragraphs and tables.
    void blocks(const pugi::xml_node& parent, std::vector<std::string>& lines, int depth = 0) {
        check_depth(depth);
        for (pugi::xml_node child : parent.children()) {
            std::string_view n = local_name(child);
            if (n == "p") {
                std::string line;
                inline_content(child, line, depth + 1);
                lines.push_back(std::move(line));
                if (++paragraphs_ % 2048 == 0) check_cancel(progress_);
            } else if (n == "tbl") {
                table(child, lines, depth + 1);
            } else if (n == "del" || n == "moveFrom") {
                ++deletions_;
            } else if (n == "sdt" || n == "sdtContent" || n == "customXml" || n == "ins" || n == "moveTo") {
                blocks(child, lines, depth + 1);
            }
        }
    }

    int deletions() const { return deletions_; }
    int notes() const { return notes_; }

private:
    void check_depth(int depth) const {
        if (depth > kMaxDocxDepth)
            throw FormatError(std::string(source_) + ": " + part_ + " nests elements more than " +
                              std::to_string(kMaxDocxDepth) + " levels deep, which Word never does; refusing it");
    }

    // Each cell is one line: its paragraphs joined by a space; empty cells leave no line.
    void table(const pugi::xml_node& tbl, std::vector<std::string>& lines, int depth) {
        check_depth(depth);
        for (pugi::xml_node row : tbl.children()) {
            if (local_name(row) != "tr") continue;
            for (pugi::xml_node cell : row.children()) {
                if (local_name(cell) != "tc") continue;
                std::vector<std::string> inner;
                blocks(cell, inner, depth + 1);
                std::string joined;
                for (const std::string& part : inner) {
                    if (part.empty()) continue;
                    if (!joined.empty()) joined += ' ';
                    joined += part;
                }
                if (!joined.empty()) lines.push_back(std::move(joined));
            }
        }
    }

    void inline_content(const pugi::xml_node& parent, std::string& out, int depth) {
        check_depth(depth);
        for (pugi::xml_node child : parent.children()) {
            std::string_view n = local_name(child);
            if (n == "t") {
                out += child.text().get();
            } else if (n == "tab" || n == "ptab") {
                out += '\t';
            } else if (n == "br" || n == "cr") {
                out += '\n';
            } else if (n == "noBreakHyphen") {
                out += '-';
            } else if (n == "del" || n == "moveFrom") {
                ++deletions_;
            } else if (n == "footnoteReference" || n == "endnoteReference") {
                ++notes_;  // the note's text lives in footnotes.xml / endnotes.xml, not in what was said
            } else if (n == "AlternateContent") {
                if (pugi::xml_node choice = child.find_child([](const pugi::xml_node& c) { return local_name(c) == "Choice"; }))
                    inline_content(choice, out, depth + 1);
            } else if (n == "r" || n == "ins" || n == "moveTo" || n == "hyperlink" || n == "smartTag" || n == "sdt" ||
                       n == "sdtContent" || n == "customXml" || n == "fldSimple" || n == "dir" || n == "bdo" || n == "Choice") {
                inline_content(child, out, depth + 1);
            }
            // Everything else (properties, field instructions, comment and note references,
            // drawings, deleted text) is not part of what was said.
        }
    }

    const ProgressSink* progress_;
    std::string_view source_;
    const std::string& part_;
    int deletions_ = 0;
    int notes_ = 0;
    std::size_t paragraphs_ = 0;
};

}  // namespace

ImportedDocument parse_docx(std::string_view bytes, std::string_view source, const ImportOptions& options,
                            const ProgressSink* progress) {
    if (bytes.empty()) throw FormatError(std::string(source) + ": the file is empty");
    if (!bytes.starts_with("PK"))
        throw FormatError(std::string(source) + ": not a DOCX document (a .docx is a zip archive; this file is not one)");
    ZipArchive zip(bytes, source, options.zip);
    std::string part = main_part(zip, source);
    std::optional<std::string> xml = zip.read(part);
    if (!xml) throw FormatError(std::string(source) + ": not a DOCX document (no " + part + " in the zip archive)");
    pugi::xml_document doc = parse_xml(*xml, source, part);
    pugi::xml_node body = doc.document_element().find_child([](const pugi::xml_node& c) { return local_name(c) == "body"; });
    if (local_name(doc.document_element()) != "document" || !body)
        throw FormatError(std::string(source) + ": not a DOCX document (" + part + " has no w:document/w:body)");

    BodyWalker walker(progress, source, part);
    std::vector<std::string> lines;
    walker.blocks(body, lines);
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    std::string raw;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i) raw += '\n';
        raw += lines[i];
    }
    std::string note;
    if (walker.deletions()) note = std::to_string(walker.deletions()) + " tracked deletion(s) left out";
    if (walker.notes()) {
        if (!note.empty()) note += "; ";
        note += std::to_string(walker.notes()) + " footnote(s) or endnote(s) left out";
    }
    if (zip.unsafe_entries()) {
        if (!note.empty()) note += "; ";
        note += std::to_string(zip.unsafe_entries()) + " zip entr(ies) with unsafe paths ignored";
    }
    return finish_transcript(std::move(raw), source, options, SourceFormat::Docx, note);
}

}  // namespace npt::importers
