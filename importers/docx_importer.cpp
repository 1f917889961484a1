// docx_importer.cpp — Word .docx transcripts: the main document part found through _rels/.rels
// (read with pugixml: it is a few hundred bytes) and streamed from the zip through libxml2's reader
// (docx_body), so memory follows the text, not the XML. Only the body is text; headers, footers,
// comments, footnotes and deleted tracked changes are left out (deletions and note references
// counted in the import note). Nesting deeper than 256 levels is refused (Word nests a few; a
// hostile 1 KB part can nest 50,000). A transcript table makes the "table" speaker layout the one
// auto detection takes.
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/error.hpp"
#include "importers/formats.hpp"
#include "importers/docx_body.hpp"
#include "importers/speaker_layouts.hpp"
#include "importers/zip_archive.hpp"
#include "importers/zip_xml_reader.hpp"

namespace npt::importers {
namespace {

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

}  // namespace

ImportedDocument parse_docx(std::string_view bytes, std::string_view source, const ImportOptions& options,
                            const ProgressSink* progress) {
    if (bytes.empty()) throw FormatError(std::string(source) + ": the file is empty");
    if (!bytes.starts_with("PK"))
        throw FormatError(std::string(source) + ": not a DOCX document (a .docx is a zip archive; this file is not one)");
    ZipArchive zip(bytes, source, options.zip);
    std::string part = main_part(zip, source);
    std::optional<ZipEntryStream> entry = zip.open(part);
    if (!entry) throw FormatError(std::string(source) + ": not a DOCX document (no " + part + " in the zip archive)");
    DocxBody body;
    {
        ZipXmlReader reader(*entry, source, part);
        body = read_docx_body(reader, source, part, progress);
    }
    std::string note;
    if (body.deletions) note = std::to_string(body.deletions) + " tracked deletion(s) left out";
    if (body.notes) {
        if (!note.empty()) note += "; ";
        note += std::to_string(body.notes) + " footnote(s) or endnote(s) left out";
    }
    if (zip.unsafe_entries()) {
        if (!note.empty()) note += "; ";
        note += std::to_string(zip.unsafe_entries()) + " zip entr(ies) with unsafe paths ignored";
    }
    return finish_transcript(std::move(body.text), source, options, SourceFormat::Docx, note,
                             body.speaker_tables ? SpeakerLayout::Table : SpeakerLayout::Auto);
}

}  // namespace npt::importers
