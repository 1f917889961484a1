// plain_text_importer.cpp — .txt transcripts in any common encoding: decode (ICU), prepare for
// the store, find speaker turns.
#include "core/error.hpp"
#include "importers/formats.hpp"
#include "importers/text_decoding.hpp"

namespace npt::importers {

ImportedDocument parse_plain_text(std::string_view bytes, std::string_view source, const ImportOptions& options) {
    if (bytes.empty()) throw FormatError(std::string(source) + ": the file is empty");
    DecodedText decoded = decode_text(bytes, source, options.encoding, options.repair);
    std::string note = decoded.note();
    return finish_transcript(std::move(decoded.utf8), source, options, SourceFormat::Text, std::move(note));
}

}  // namespace npt::importers
