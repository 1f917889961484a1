// docx_body.hpp — the text of a DOCX main document part, read in one streaming pass (ZipXmlReader):
// body paragraphs, runs, tabs and breaks, tracked insertions kept and deletions counted, table cells
// one per line, and tables that are a transcript (Speaker | Text or Time | Speaker | Text) one row
// per line, cells joined by tabs, for the "table" speaker layout. Memory: the text itself, plus one
// table's cells while that table is read.
#pragma once
#include <string>
#include <string_view>

#include "importers/importer.hpp"
#include "importers/zip_xml_reader.hpp"

namespace npt::importers {

struct DocxBody {
    std::string text;            // lines joined by LF, trailing empty lines dropped (not yet NFC)
    int deletions = 0;           // tracked deletions and moves left out
    int notes = 0;               // footnote and endnote references (their text is not what was said)
    int speaker_tables = 0;      // tables read as speaker turns, one row per line
};

// Walks `reader` from its start. Throws FormatError when the part is not w:document/w:body or the
// reader refuses it (see zip_xml_reader.hpp), ImportCancelled when `progress` asks to stop.
DocxBody read_docx_body(ZipXmlReader& reader, std::string_view source, const std::string& part, const ProgressSink* progress);

}  // namespace npt::importers
